// Forms posted without superforms: every error at once, keyed by field,
// so that a page without JavaScript shows them all next to their fields.
import type { z } from 'zod';

/**
 * Every error of a plain form at once, keyed by field. zod skips an
 * object's cross-field rules while one of its fields is wrong: `alsoCheck`
 * states them again so that they show with the others.
 */
export function readForm<S extends z.ZodType>(
	schema: S,
	values: unknown,
	alsoCheck: () => Record<string, string> = () => ({})
): { ok: true; data: z.infer<S> } | { ok: false; errors: Record<string, string> } {
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
	for (const [field, message] of Object.entries(alsoCheck())) errors[field] ??= message;
	return { ok: false, errors };
}
