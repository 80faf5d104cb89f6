// Reading a form's values with its zod schema, outside HTTP: the routes use
// it through web/forms.ts, domain modules and tests directly.
import type { z } from 'zod';

/**
 * Every error of a form at once, keyed by field (the first message of each).
 * `alsoCheck` states rules across fields that zod would skip while a field is
 * wrong; they hold whether or not the schema accepted the rest.
 */
export function readForm<S extends z.ZodType>(
	schema: S,
	values: unknown,
	alsoCheck: () => Record<string, string> = () => ({})
): { ok: true; data: z.output<S> } | { ok: false; errors: Record<string, string> } {
	const parsed = schema.safeParse(values);
	const errors: Record<string, string> = {};
	if (!parsed.success)
		for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
	for (const [field, message] of Object.entries(alsoCheck())) errors[field] ??= message;
	if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
	return { ok: false, errors };
}
