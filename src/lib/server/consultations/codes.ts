// Codes people read aloud, write down and type back: receipt codes (« code
// de suivi »), resume codes and invitation codes. Uppercase letters and
// digits without the pairs that look alike (0/O, 1/I), grouped by four.

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Eight characters from 32: 40 bits, far beyond what rate-limited guessing can reach. */
export function generateReadableCode(length = 8): string {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	// 256 is a multiple of 32, so every character is equally likely.
	const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
	const groups: string[] = [];
	for (let i = 0; i < chars.length; i += 4) groups.push(chars.slice(i, i + 4).join(''));
	return groups.join('-');
}

/**
 * What someone typed, as a code: case, spaces and dashes do not matter.
 * Returns null when it cannot be a code (wrong length or characters).
 */
export function normaliseCode(input: string, length = 8): string | null {
	const compact = input.toUpperCase().replace(/[\s-]/g, '');
	if (compact.length !== length) return null;
	if ([...compact].some((c) => !CODE_ALPHABET.includes(c))) return null;
	const groups: string[] = [];
	for (let i = 0; i < compact.length; i += 4) groups.push(compact.slice(i, i + 4));
	return groups.join('-');
}
