import { describe, expect, it } from 'vitest';
import { createDemoTestDatabase } from '../demo/testing';
import { createTestUser } from '../testing';
import { ForbiddenError } from '../errors';
import { consultationThemes } from './published';
import { figuresOf, getPublishedRetour } from '../retours/manage';

describe('a consultation’s themes beside its results', () => {
	it('show every theme to staff and, in public, only validated themes with protected counts', async () => {
		const db = await createDemoTestDatabase();
		const { id } = await db
			.selectFrom('consultation')
			.select('id')
			.where('slug', '=', 'mon-avis-citoyen-2023-habitants')
			.executeTakeFirstOrThrow();
		const agent = (await createTestUser(db, 'agent')).actor;

		const staff = (await consultationThemes(db, id, { actor: agent }))!;
		expect(staff.themes.length).toBeGreaterThan(5);
		expect(staff.themes.filter((t) => t.validated).map((t) => t.label)).toEqual([
			'Se déplacer sans voiture'
		]);
		const validated = staff.themes.find((t) => t.validated)!.count as number;
		expect(validated).toBeGreaterThanOrEqual(10);

		const published = (await consultationThemes(db, id, { threshold: 5 }))!;
		expect(published.themes).toEqual([
			{ label: 'Se déplacer sans voiture', count: validated, validated: true }
		]);
		expect(published.total).toBe(staff.total);

		const strict = (await consultationThemes(db, id, { threshold: validated + 1 }))!;
		expect(strict.themes[0].count).toBe('small');
		// The rest of the answers is not published: the small count cannot be worked out.
		expect(strict.total).toBe(staff.total);

		const resident = (await createTestUser(db, 'habitant')).actor;
		await expect(consultationThemes(db, id, { actor: resident })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await consultationThemes(db, 99999, { threshold: 5 })).toBeNull();

		// The demo's retour of that consultation cites the validated theme with its count.
		const retour = await getPublishedRetour(db, 'mon-avis-citoyen-2023');
		expect((await figuresOf(db, retour)).themes).toEqual({
			total: staff.total,
			byTheme: [{ label: 'Se déplacer sans voiture', count: validated }]
		});
	});
});
