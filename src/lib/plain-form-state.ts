// Reads what a plain form action answered (see $lib/server/plain-form and
// failPlain): its values and errors, for the form of the page that was posted.
type Answer = Record<string, unknown> | null | undefined;

function posted(answer: Answer, name?: string): Record<string, unknown> | null {
	if (!answer) return null;
	if (name !== undefined && answer.form !== name) return null;
	return answer;
}

/** Field errors, with the service's error put next to the field it names. */
export function formErrors(answer: Answer, name?: string): Record<string, string> {
	const a = posted(answer, name);
	if (!a) return {};
	const errors = { ...((a.errors as Record<string, string> | undefined) ?? {}) };
	if (typeof a.field === 'string' && a.field && a.error) errors[a.field] = String(a.error);
	return errors;
}

export function formValues(answer: Answer, name?: string): Record<string, string> | null {
	const values = posted(answer, name)?.values;
	return values ? (values as Record<string, string>) : null;
}

/** The service's error when it names no field: shown at the top of the page. */
export function generalError(answer: Answer): string | null {
	if (!answer?.error || (typeof answer.field === 'string' && answer.field)) return null;
	return String(answer.error);
}
