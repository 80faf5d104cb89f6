/** A same-site path to go back to after signing in; anything else is ignored. */
export function safeRedirectPath(candidate: string | null | undefined): string | null {
	if (
		!candidate ||
		!candidate.startsWith('/') ||
		candidate.startsWith('//') ||
		candidate.includes('\\')
	) {
		return null;
	}
	return candidate;
}
