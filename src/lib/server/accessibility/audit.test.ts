import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import {
	getLatestAudit,
	overallStatus,
	RGAA_CRITERIA,
	RGAA_THEMES,
	saveAuditInfo,
	saveTheme,
	summarise
} from './audit';

const INFO = {
	auditedOn: '2026-12-01',
	auditor: 'Équipe',
	sample: [
		{ title: 'Accueil', url: '/' },
		{ title: 'Agenda', url: '/agenda' }
	],
	environment: 'Chromium',
	tools: 'axe-core',
	technologies: 'HTML, CSS',
	derogations: '',
	exemptions: ''
};

describe('the RGAA grid', () => {
	it('holds the 106 criteria of RGAA 4.1.2 in 13 themes', () => {
		expect(RGAA_CRITERIA).toHaveLength(106);
		expect(RGAA_THEMES).toHaveLength(13);
		expect(new Set(RGAA_CRITERIA.map((c) => c.id)).size).toBe(106);
	});

	it('groups a criterion over the sample as the RGAA says', () => {
		expect(overallStatus(['C', 'NC'])).toBe('NC');
		expect(overallStatus(['C', 'NA'])).toBe('C');
		expect(overallStatus(['NA', 'NA'])).toBe('NA');
		expect(overallStatus(['C', 'NT'])).toBe('NT');
		expect(overallStatus(['NT', 'NC'])).toBe('NC');
	});

	it('claims no state without a complete grid, and computes conforming ÷ applicable', async () => {
		const db = await createTestDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const agent = (await createTestUser(db, 'agent')).actor;
		expect(summarise(await getLatestAudit(db)).state).toBe('non conforme');
		await expect(saveAuditInfo(db, agent, INFO)).rejects.toThrow();
		await saveAuditInfo(db, admin, INFO);
		const fresh = summarise(await getLatestAudit(db));
		expect(fresh).toMatchObject({ complete: false, state: 'non conforme', rate: null });
		expect(fresh.counts.NT).toBe(106);

		// Everything conforming but criterion 1.1 failing on the agenda, 2.x not applicable.
		for (const theme of RGAA_THEMES) {
			const values: Record<string, string> = {};
			for (const c of RGAA_CRITERIA.filter((c) => c.theme === theme.number))
				for (const page of [0, 1])
					values[`status.${c.id}.${page}`] =
						c.theme === 2 ? 'NA' : c.id === '1.1' && page === 1 ? 'NC' : 'C';
			await saveTheme(db, admin, theme.number, values);
		}
		const done = summarise(await getLatestAudit(db));
		expect(done.counts).toEqual({ C: 103, NC: 1, NA: 2, NT: 0 });
		expect(done).toMatchObject({ complete: true, rate: 99, state: 'partiellement conforme' });
		await expect(saveTheme(db, admin, 1, { 'status.1.1.1': 'PRESQUE' })).rejects.toThrow(
			/statut de la liste/
		);

		await saveTheme(db, admin, 1, { 'status.1.1.1': 'C' });
		expect(summarise(await getLatestAudit(db))).toMatchObject({
			rate: 100,
			state: 'totalement conforme'
		});

		// A page added to the sample is untested until someone checks it.
		await saveAuditInfo(db, admin, {
			...INFO,
			sample: [...INFO.sample, { title: 'Panel', url: '/panel' }]
		});
		const widened = await getLatestAudit(db);
		expect(widened!.criteria[0].statuses).toEqual(['C', 'C', 'NT']);
		expect(summarise(widened).state).toBe('non conforme');
	});
});
