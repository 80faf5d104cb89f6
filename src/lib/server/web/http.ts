// Turns service errors into HTTP answers for routes: a 4xx with the
// service's French message, never a 500.
import { error, fail } from '@sveltejs/kit';
import { DomainError } from '../errors';

export async function orHttpError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (caught instanceof DomainError) error(caught.status, caught.message);
		throw caught;
	}
}

/** The service's message, with the field it names (see also `refusal` in forms.ts). */
export function failPlain<E extends Record<string, unknown>>(caught: unknown, extra: E = {} as E) {
	if (!(caught instanceof DomainError)) throw caught;
	const field = 'field' in caught ? (caught.field as string | undefined) : undefined;
	return fail(caught.status, { ...extra, error: caught.message, field: field ?? null });
}

/**
 * Runs the change of one form on a page that has several: answers with its
 * message (`done`), or with the service's error, both marked with the form's
 * name so the page shows them by the right form.
 */
export async function attemptAction<E extends Record<string, unknown>>(
	form: string,
	work: () => Promise<string>,
	extra: E = {} as E
) {
	try {
		return { form, done: await work(), ...extra };
	} catch (caught) {
		return failPlain(caught, { form, ...extra });
	}
}
