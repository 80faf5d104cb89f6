import type { ParamMatcher } from '@sveltejs/kit';

/** A fiche-action's reference in an address (AUT-28, dep-05): anything else is a 404 before any code runs. */
export const match: ParamMatcher = (param) => /^[A-Za-z]{2,5}-\d{1,3}$/.test(param);
