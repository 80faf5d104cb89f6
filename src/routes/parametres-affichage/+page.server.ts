import type { Actions, PageServerLoad } from './$types';
import {
	DISPLAY_COOKIE,
	parseDisplaySettings,
	serialiseDisplaySettings
} from '$lib/display-settings';

export const load: PageServerLoad = async ({ locals }) => ({ settings: locals.display });

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const settings = parseDisplaySettings(await request.formData());
		cookies.set(DISPLAY_COOKIE, serialiseDisplaySettings(settings), {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 365 * 24 * 60 * 60
		});
		locals.display = settings;
		return { saved: true };
	}
};
