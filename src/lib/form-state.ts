// Reads what a form action answered (`handleForm` in $lib/server/web/forms):
// the values posted, the errors by field, the service's refusal and the
// sentence of the change, for the form of the page that was posted.
type Answer = Record<string, unknown> | null | undefined;

export type FormValues = Record<string, string | string[] | boolean>;

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

/** The same, as the lists the field components take. */
export function fieldErrors(answer: Answer, name?: string): Record<string, string[] | undefined> {
	return Object.fromEntries(
		Object.entries(formErrors(answer, name)).map(([field, message]) => [field, [message]])
	);
}

/** The values posted, to show again after a refusal; null when this form was not posted. */
export function formValues(answer: Answer, name?: string): Record<string, string> | null {
	const values = posted(answer, name)?.values;
	return values ? (values as Record<string, string>) : null;
}

/** The values to show: those posted when the form was refused, else the page's own. */
export function shownValues<T extends object>(answer: Answer, initial: T, name?: string): T {
	const values = posted(answer, name)?.values as Partial<T> | undefined;
	if (!values || posted(answer, name)?.done) return initial;
	const read = { ...initial, ...values } as Record<string, unknown>;
	// A list none of whose boxes was ticked, or an unticked box, is not posted at all.
	for (const [key, value] of Object.entries(initial)) {
		const sent = values[key as keyof T];
		if (Array.isArray(value)) read[key] = [sent ?? []].flat();
		if (typeof value === 'boolean')
			read[key] = typeof sent === 'boolean' ? sent : sent !== undefined;
	}
	return read as T;
}

/** The service's error when it names no field: shown at the top of the page. */
export function generalError(answer: Answer, name?: string): string | null {
	const a = posted(answer, name);
	if (!a?.error || (typeof a.field === 'string' && a.field)) return null;
	return String(a.error);
}

/** The sentence of the change made, for the form that was posted. */
export function doneMessage(answer: Answer, name?: string): string | null {
	const done = posted(answer, name)?.done;
	return typeof done === 'string' && done ? done : null;
}
