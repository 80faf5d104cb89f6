import type { ParamMatcher } from '@sveltejs/kit';

/** A year of the schéma's reviews, e.g. 2025. */
export const match: ParamMatcher = (param) => /^20\d{2}$/.test(param);
