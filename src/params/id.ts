import type { ParamMatcher } from '@sveltejs/kit';

/** A row id in an address: 1 to 9 digits, so that any other text is a 404, never a 500. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,8}$/.test(param);
