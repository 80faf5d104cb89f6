import { describe, expect, it } from 'vitest';
import { parisDayAt, parisNextHour, toParisLocalInput } from './paris-time';
import { slugFromTitle } from './slug';
import { createTestDatabase } from './server/testing';
import { slugFor } from './server/slugs';
import { nowForDb } from './server/db/codecs';

describe('what new forms propose', () => {
	it('dates on the start of a Paris day or the next full hour, summer and winter', () => {
		const winterNight = new Date('2026-12-01T23:30:00Z'); // 2 December, 00:30 in Paris
		expect(toParisLocalInput(parisDayAt(winterNight, 7, '00:00'))).toBe('2026-12-09T00:00');
		expect(toParisLocalInput(parisDayAt(winterNight, 28, '23:59'))).toBe('2026-12-30T23:59');
		const summer = new Date('2026-07-01T12:20:00Z'); // 14:20 in Paris
		expect(toParisLocalInput(parisNextHour(summer, 7))).toBe('2026-07-08T15:00');
		// Across the change to winter time (25 October 2026).
		expect(toParisLocalInput(parisDayAt(new Date('2026-10-20T10:00:00Z'), 7, '00:00'))).toBe(
			'2026-10-27T00:00'
		);
	});

	it('proposes an address from the title, free of the others', async () => {
		expect(slugFromTitle('Atelier mobilité à Vendôme')).toBe('atelier-mobilite-a-vendome');
		expect(slugFromTitle('« Mon avis citoyen » 2027 : l’enfance')).toBe(
			'mon-avis-citoyen-2027-l-enfance'
		);
		expect(slugFromTitle('x'.repeat(100))).toHaveLength(60);
		const db = await createTestDatabase();
		const title = 'Forum de l’habitat';
		expect(await slugFor(db, 'retour', { slug: '', title })).toBe('forum-de-l-habitat');
		await db
			.insertInto('retour')
			.values({ slug: 'forum-de-l-habitat', title, created_at: nowForDb(), updated_at: nowForDb() })
			.execute();
		expect(await slugFor(db, 'retour', { slug: '', title })).toBe('forum-de-l-habitat-2');
		expect(await slugFor(db, 'retour', { slug: 'mon-adresse', title })).toBe('mon-adresse');
	});
});
