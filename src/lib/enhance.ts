// `use:enhance` for forms that edit what the page shows: the fields keep
// what was saved instead of being emptied (SvelteKit's default after a success).
import type { SubmitFunction } from '@sveltejs/kit';

export const keepValues: SubmitFunction = () => {
	return async ({ update }) => update({ reset: false });
};
