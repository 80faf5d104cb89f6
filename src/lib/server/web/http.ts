// Turns service errors into HTTP answers for routes: a 4xx with the
// service's French message, never a 500.
import { error, fail } from '@sveltejs/kit';
import { message, setError, type SuperValidated } from 'sveltekit-superforms';
import { DomainError } from '../errors';

export async function orHttpError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (caught instanceof DomainError) error(caught.status, caught.message);
		throw caught;
	}
}

type AnyForm = SuperValidated<Record<string, unknown>, App.Superforms.Message>;

/** Never sends a password back to the browser, not even in a failed form. */
export function blankSecrets<F extends AnyForm>(form: F, fields: string[]): F {
	for (const field of fields)
		if (field in form.data) (form.data as Record<string, unknown>)[field] = '';
	return form;
}

/** Shows a service error on the form: next to its field when it names one. */
export function failForm<F extends AnyForm>(form: F, caught: unknown, secretFields: string[] = []) {
	blankSecrets(form, secretFields);
	if (!(caught instanceof DomainError)) throw caught;
	const field = 'field' in caught ? (caught.field as string | undefined) : undefined;
	if (field && field in form.data) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return setError(form as any, field as any, caught.message, { status: caught.status });
	}
	return message(form, { type: 'error', text: caught.message }, { status: caught.status });
}

/** For forms without superforms: the service's message, with the field it names. */
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
