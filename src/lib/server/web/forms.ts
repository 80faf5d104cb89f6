// The one way a route reads a posted form: the domain's zod schema turns what
// the browser sent into the command the service takes (its transforms give
// numbers, dates and lists), or every error at once, keyed by field, with the
// values to show again, so that a page without JavaScript shows them next
// to their fields and loses nothing.
import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { DomainError } from '../errors';

/** What the browser sent, as text: a name repeated (ticked checkboxes) gives a list. */
export type PostedValues = Record<string, string | string[]>;

/** What an action answers about one form of its page (read by `$lib/form-state`). */
export interface FormAnswer {
	/** The form's name, on a page that has several. */
	form?: string;
	/** The change made, in a sentence. */
	done?: string;
	values?: PostedValues;
	errors?: Record<string, string>;
	/** The service's refusal, and the field it names if any. */
	error?: string;
	field?: string | null;
}

export interface FormOptions {
	/** The form's name, on a page that has several. */
	form?: string;
	/** Fields never sent back to the browser, not even in a failed form (passwords). */
	secret?: readonly string[];
	/**
	 * zod skips an object's cross-field rules while one of its fields is
	 * wrong: these state them again so that they show with the others.
	 */
	alsoCheck?: (values: PostedValues) => Record<string, string>;
	/** What else the page needs in every answer (which row or part of the page it was about). */
	answer?: (values: PostedValues) => Record<string, unknown>;
}

type Def = {
	type: string;
	innerType?: ZodLike;
	in?: ZodLike;
	out?: ZodLike;
	left?: ZodLike;
	right?: ZodLike;
	shape?: unknown;
	values?: unknown[];
};
type ZodLike = { _zod: { def: Def } };

type Kind = 'list' | 'boolean' | 'number' | 'text';

/** What a field of the schema takes, whatever wraps it (default, transform). */
function kindOf(field: ZodLike | undefined): Kind {
	for (let t = field; t; ) {
		const def: Def = t._zod.def;
		if (def.type === 'array') return 'list';
		if (def.type === 'boolean' || def.type === 'number') return def.type;
		if (def.type === 'literal' && typeof def.values?.[0] === 'boolean') return 'boolean';
		if (def.type === 'pipe') t = def.in?._zod.def.type === 'transform' ? def.out : def.in;
		else t = def.innerType;
	}
	return 'text';
}

/** A ticked checkbox posts « on »; an unticked one posts nothing. */
const TICKED = new Set(['on', 'true', '1', 'oui']);

/** The fields of an object schema, also when a transform reads it or `.and` joins two. */
function shapeOf(schema: ZodLike): Record<string, ZodLike> {
	const def = schema._zod.def;
	if (def.type === 'pipe' && def.in) return shapeOf(def.in);
	if (def.type === 'intersection' && def.left && def.right)
		return { ...shapeOf(def.left), ...shapeOf(def.right) };
	return def.shape && typeof def.shape === 'object' ? (def.shape as Record<string, ZodLike>) : {};
}

/**
 * The object the schema reads: each name once as text (or a file), lists,
 * booleans and numbers for the fields the schema takes so, and the text
 * values to show again.
 */
export function postedInput(
	data: FormData,
	schema: z.ZodType,
	secret: readonly string[] = []
): { input: Record<string, unknown>; values: PostedValues } {
	const shape = shapeOf(schema as unknown as ZodLike);
	const input: Record<string, unknown> = {};
	const values: PostedValues = {};
	for (const name of new Set(data.keys())) {
		const all = data.getAll(name);
		const texts = all.filter((v): v is string => typeof v === 'string');
		const file = all.find((v): v is File => typeof v !== 'string');
		const text = texts[0] ?? '';
		const kind = kindOf(shape[name]);
		if (kind === 'list') input[name] = texts;
		else if (kind === 'boolean') input[name] = TICKED.has(text);
		else if (kind === 'number') input[name] = text.trim() === '' ? undefined : Number(text);
		else input[name] = file ?? text;
		if (!secret.includes(name) && texts.length) values[name] = texts.length > 1 ? texts : text;
	}
	for (const [name, field] of Object.entries(shape)) {
		if (name in input) continue;
		const kind = kindOf(field);
		if (kind === 'list') input[name] = [];
		if (kind === 'boolean') input[name] = false;
	}
	return { input, values };
}

/**
 * The text of some fields, for a form whose other fields a domain module
 * reads itself (a questionnaire's answers, named after its questions).
 */
export function postedTexts<K extends string>(data: FormData, names: readonly K[]): Record<K, string> {
	const texts = {} as Record<K, string>;
	for (const name of names) {
		const value = data.get(name);
		texts[name] = typeof value === 'string' ? value : '';
	}
	return texts;
}

export type Posted<S extends z.ZodType> =
	| { ok: true; data: z.output<S>; values: PostedValues; raw: FormData }
	| { ok: false; failure: ActionFailure<FormAnswer> };

/** Reads the posted form with its schema: the command, or the failure to answer with. */
export async function readPosted<S extends z.ZodType>(
	request: Request,
	schema: S,
	options: FormOptions = {}
): Promise<Posted<S>> {
	let raw: FormData;
	try {
		raw = await request.formData();
	} catch {
		// A cut connection, a body that is not a form, a file past the size limit.
		const error = 'Le formulaire n’a pas pu être lu. Réessayez.';
		const answer = { ...options.answer?.({}), form: options.form, error, field: null };
		return { ok: false, failure: fail(400, answer) };
	}
	const { input, values } = postedInput(raw, schema, options.secret);
	const parsed = readForm(schema, input, () => options.alsoCheck?.(values) ?? {});
	if (parsed.ok) return { ok: true, data: parsed.data, values, raw };
	// The first error also as `error`/`field`, for pages that show one message by the form.
	const [field, error] = Object.entries(parsed.errors)[0];
	return {
		ok: false,
		failure: fail(400, {
			...options.answer?.(values),
			form: options.form,
			values,
			errors: parsed.errors,
			error,
			field
		})
	};
}

/**
 * Every error of a form at once, keyed by field (the first message of each).
 * For tests and for values that do not come from a request.
 */
export function readForm<S extends z.ZodType>(
	schema: S,
	values: unknown,
	alsoCheck: () => Record<string, string> = () => ({})
): { ok: true; data: z.output<S> } | { ok: false; errors: Record<string, string> } {
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
	for (const [field, message] of Object.entries(alsoCheck())) errors[field] ??= message;
	return { ok: false, errors };
}

/** The service's refusal as a 4xx answer, with the field it names; anything else is rethrown. */
export function refusal<E extends FormAnswer & Record<string, unknown>>(
	caught: unknown,
	answer: E = {} as E
): ActionFailure<E & { error: string; field: string | null }> {
	if (!(caught instanceof DomainError)) throw caught;
	const field = 'field' in caught ? (caught.field as string | undefined) : undefined;
	return fail(caught.status, { ...answer, error: caught.message, field: field ?? null });
}

export type Outcome = string | { done: string } | Record<string, unknown>;

/**
 * An action in one call: reads the form with its schema, runs the change
 * with the command and answers with its sentence (`done`), or with the
 * errors and the values posted. `redirect()` inside `change` goes through.
 */
export async function handleForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	change: (command: z.output<S>, raw: FormData) => Promise<Outcome>,
	options: FormOptions & { keepValues?: boolean } = {}
) {
	const posted = await readPosted(request, schema, options);
	if (!posted.ok) return posted.failure;
	try {
		const outcome = await change(posted.data, posted.raw);
		const answer = typeof outcome === 'string' ? { done: outcome } : outcome;
		return {
			...options.answer?.(posted.values),
			form: options.form,
			...(options.keepValues ? { values: posted.values } : {}),
			...answer
		};
	} catch (caught) {
		return refusal(caught, {
			...options.answer?.(posted.values),
			form: options.form,
			values: posted.values,
			errors: {}
		});
	}
}

/** The schema of a form that is only a button. */
export const noFields = z.object({});
