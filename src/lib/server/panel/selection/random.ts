import { createHash } from 'node:crypto';

/**
 * A reproducible random stream: SHA-256 of the seed, a label and a counter.
 * Anyone with the seed can redo every shuffle of a draw, and the label keeps
 * the streams of its different steps independent.
 */
export class SeededRandom {
	private counter = 0;
	private buffer: number[] = [];

	constructor(
		private readonly seed: string,
		private readonly label: string
	) {}

	private nextUint32(): number {
		if (this.buffer.length === 0) {
			const digest = createHash('sha256')
				.update(`${this.seed}\u0000${this.label}\u0000${this.counter++}`)
				.digest();
			for (let i = 0; i < digest.length; i += 4) this.buffer.push(digest.readUInt32BE(i));
		}
		return this.buffer.shift()!;
	}

	/** An integer in [0, bound), without modulo bias. */
	below(bound: number): number {
		if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32)
			throw new RangeError(`borne ${bound}`);
		const limit = 2 ** 32 - (2 ** 32 % bound);
		for (;;) {
			const value = this.nextUint32();
			if (value < limit) return value % bound;
		}
	}

	/** Fisher–Yates, in place. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = this.below(i + 1);
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}
}

/** A fresh seed for a draw whose officer did not choose one. */
export function newSeed(): string {
	const bytes = new Uint32Array(1);
	crypto.getRandomValues(bytes);
	return String(100000 + (bytes[0] % 900000));
}
