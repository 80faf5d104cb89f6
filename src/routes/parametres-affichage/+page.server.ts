import { z } from 'zod';
import { handleForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';
import {
	DISPLAY_COOKIE,
	parseDisplaySettings,
	serialiseDisplaySettings
} from '$lib/display-settings';

export const load: PageServerLoad = async ({ locals }) => ({ settings: locals.display });

export const actions: Actions = {
	default: ({ request, cookies, locals, url }) =>
		handleForm(request, z.record(z.string(), z.string()), async (fields) => {
			const settings = parseDisplaySettings(new URLSearchParams(fields));
			cookies.set(DISPLAY_COOKIE, serialiseDisplaySettings(settings), {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: 365 * 24 * 60 * 60
			});
			locals.display = settings;
			return { saved: true };
		})
};
