// The one way a route reads a posted form: the domain's zod schema turns what
// the browser sent into the command the service takes (its transforms give
// numbers, dates and lists), or every error at once, keyed by field, with the
// values to show again, so that a page without JavaScript shows them next
// to their fields and loses nothing.
import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { DomainError } from '../errors';
import { readForm } from '../read-form';

/** What the browser sent, to show again: text, lists for list fields, ticks for boxes. */
export type PostedValues = Record<string, string | string[] | boolean>;

/** What an action answers about one form of its page (read by `$lib/form-state`). */
export interface FormAnswer<V = PostedValues> {
	/** The form's name, on a page that has several. */
	form?: string;
	/** The change made, in a sentence. */
	done?: string;
	values?: V;
	errors?: Record<string, string>;
	/** The service's refusal, and the field it names if any. */
	error?: string;
	field?: string | null;
}

type Extra = Record<string, unknown>;
/** No extra fields in the answer. */
type None = Record<never, never>;

export interface FormOptions<A extends Extra = None> {
	/** The form's name, on a page that has several. */
	form?: string;
	/** Fields never sent back to the browser, not even in a failed form (passwords). */
	secret?: readonly string[];
	/**
	 * Rules across fields, checked with the schema's own: zod skips an
	 * object's cross-field rules while one of its fields is wrong, these show
	 * with the others.
	 */
	alsoCheck?: (values: PostedValues) => Record<string, string>;
	/** For pages that show one message by the form: the first error also as `error` and `field`. */
	firstError?: boolean;
	/** Whether the form carries the hidden field robots fill (HoneypotField): then it is refused before anything. */
	honeypot?: boolean;
	/** What else the page needs in every answer (which row or part of the page it was about). */
	answer?: (values: PostedValues) => A;
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
	for (let t = field; t;) {
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
		if (secret.includes(name) || !texts.length) continue;
		if (kind === 'boolean') values[name] = TICKED.has(text);
		else values[name] = kind === 'list' || texts.length > 1 ? texts : text;
	}
	for (const [name, field] of Object.entries(shape)) {
		if (name in input) continue;
		const kind = kindOf(field);
		if (kind === 'list') input[name] = values[name] = [];
		if (kind === 'boolean') input[name] = values[name] = false;
	}
	return { input, values };
}

/**
 * The text of some fields, for a form whose other fields a domain module
 * reads itself (a questionnaire's answers, named after its questions).
 */
export function postedTexts<K extends string>(
	data: FormData,
	names: readonly K[]
): Record<K, string> {
	const texts = {} as Record<K, string>;
	for (const name of names) {
		const value = data.get(name);
		texts[name] = typeof value === 'string' ? value : '';
	}
	return texts;
}

/** The hidden field of HoneypotField, which people never see and robots fill. */
export const HONEYPOT_FIELD = 'site_web';
const ROBOT_REFUSAL = 'Votre envoi n’a pas pu être accepté.';

/** The values posted, typed after the form's fields: lists, ticks, or text. */
export type ValuesOf<S extends z.ZodType> =
	z.input<S> extends Record<string, unknown>
		? {
				[K in keyof z.input<S>]-?: NonNullable<z.input<S>[K]> extends readonly unknown[]
					? string[]
					: NonNullable<z.input<S>[K]> extends boolean
						? boolean
						: string;
			}
		: PostedValues;

export type Posted<S extends z.ZodType, A extends Extra = None> =
	| { ok: true; data: z.output<S>; values: ValuesOf<S>; raw: FormData }
	| { ok: false; failure: ActionFailure<FormAnswer<ValuesOf<S>> & Partial<A>> };

/** Reads the posted form with its schema: the command, or the failure to answer with. */
export async function readPosted<S extends z.ZodType, A extends Extra = None>(
	request: Request,
	schema: S,
	options: FormOptions<A> = {}
): Promise<Posted<S, A>> {
	let raw: FormData;
	try {
		raw = await request.formData();
	} catch {
		// A cut connection, a body that is not a form, a file past the size limit.
		const error = 'Le formulaire n’a pas pu être lu. Réessayez.';
		const answer = { ...options.answer?.({}), form: options.form, error, field: null };
		return { ok: false, failure: fail(400, answer as FormAnswer<ValuesOf<S>> & Partial<A>) };
	}
	const { input, values } = postedInput(raw, schema, options.secret);
	if (options.honeypot && String(raw.get(HONEYPOT_FIELD) ?? '') !== '') {
		const answer = { ...options.answer?.(values), form: options.form, values, errors: {} };
		const refused = { ...answer, error: ROBOT_REFUSAL, field: null } as FormAnswer<ValuesOf<S>> &
			Partial<A>;
		return { ok: false, failure: fail(400, refused) };
	}
	const parsed = readForm(schema, input, () => options.alsoCheck?.(values) ?? {});
	if (parsed.ok) return { ok: true, data: parsed.data, values: values as ValuesOf<S>, raw };
	const [field, error] = Object.entries(parsed.errors)[0];
	return {
		ok: false,
		failure: fail(400, {
			...options.answer?.(values),
			form: options.form,
			values,
			errors: parsed.errors,
			...(options.firstError ? { error, field } : {})
		} as FormAnswer<ValuesOf<S>> & Partial<A>)
	};
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

export type Outcome = string | Record<string, unknown>;

/**
 * An action in one call: reads the form with its schema, runs the change
 * with the command and answers with its sentence (`done`), or with the
 * errors and the values posted. `redirect()` inside `change` goes through.
 */
export async function handleForm<S extends z.ZodType, O extends Outcome, A extends Extra = None>(
	request: Request,
	schema: S,
	change: (command: z.output<S>, raw: FormData) => Promise<O>,
	options: FormOptions<A> & { keepValues?: boolean } = {}
) {
	const posted = await readPosted(request, schema, options);
	if (!posted.ok) return posted.failure;
	try {
		const outcome = await change(posted.data, posted.raw);
		const answer = (typeof outcome === 'string' ? { done: outcome } : outcome) as O extends string
			? { done: string }
			: O;
		return {
			...(options.answer?.(posted.values) as A),
			form: options.form,
			...(options.keepValues ? { values: posted.values } : {}),
			...answer
		};
	} catch (caught) {
		return refusal(caught, {
			...(options.answer?.(posted.values) as A),
			form: options.form,
			values: posted.values,
			errors: {} as Record<string, string>
		});
	}
}

/** The schema of a form that is only a button. */
export const noFields = z.object({});
