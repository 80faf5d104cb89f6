import type { ParamMatcher } from '@sveltejs/kit';

/** The public name of a consultation, an event or a retour: what slugField accepts, and nothing else. */
export const match: ParamMatcher = (param) =>
	param.length <= 80 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(param);
