/** The aria-describedby of a field: its hint and its error, when present. */
export function describedBy(
	id: string | null | undefined,
	hint: string | undefined,
	errors: string[] | undefined
) {
	return (
		[hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') ||
		undefined
	);
}
