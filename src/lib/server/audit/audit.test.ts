import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createTestDatabase, createTestUser } from '../testing';
import { ForbiddenError } from '../errors';
import { auditFilterOptions, exportAudit, listAudit, recordAudit } from './audit';
import { auditChanges, auditSentence } from './describe';
import { auditCsv } from './csv';
import { readAuditFilter } from './filter-params';
import { ACTION_PHRASES, FIELD_LABELS } from './vocabulary';
import { createDemoTestDatabase } from '../demo/testing';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
	});
}

/** Actions built from a variable, with every value the variable takes. */
const TEMPLATES: Record<string, string[]> = {
	'consultation.${action}': [
		'publish',
		'unpublish',
		'close',
		'reopen',
		'publish-results',
		'unpublish-results'
	].map((a) => `consultation.${a}`),
	'contribution.${action.kind}': ['state', 'assign', 'tag', 'untag'].map((a) => `contribution.${a}`)
};

describe('the audit log in French', () => {
	it('has a French phrase for every action the code records', () => {
		const recorded = new Set<string>();
		const templates = new Set<string>();
		for (const file of sourceFiles('src/lib/server')) {
			for (const line of readFileSync(file, 'utf8').split('\n')) {
				if (!/\baction: |audit\(tx, actor, /.test(line)) continue;
				for (const [, code] of line.matchAll(/'([a-z_]+\.[a-z_.-]+)'/g)) recorded.add(code);
				for (const [, template] of line.matchAll(/`([a-z_]+\.\$\{[^`]+\})`/g))
					templates.add(template);
			}
		}
		expect([...templates].sort()).toEqual(Object.keys(TEMPLATES).sort());
		for (const codes of Object.values(TEMPLATES)) for (const c of codes) recorded.add(c);
		expect(recorded.size).toBeGreaterThan(80);
		expect([...recorded].filter((code) => !(code in ACTION_PHRASES))).toEqual([]);
	});

	it('says each entry as a sentence, with what changed field by field', () => {
		expect(
			auditSentence({
				actorLabel: 'Camille',
				action: 'fiche.updated',
				entityType: 'fiche',
				entityId: 'AUT-28'
			})
		).toBe('Camille a modifié la fiche-action AUT-28.');
		expect(
			auditSentence({
				actorLabel: 'Léa',
				action: 'contribution.decide',
				entityType: 'contribution',
				entityId: '12'
			})
		).toBe('Léa a décidé de la suite donnée à la contribution n° 12.');
		expect(
			auditChanges(
				{ title: 'Ancien', active: true, capacity: 12.5, same: 1 },
				{ title: 'Nouveau', active: false, capacity: null, same: 1 }
			)
		).toEqual([
			{ field: 'titre', before: 'Ancien', after: 'Nouveau' },
			{ field: 'actif', before: 'oui', after: 'non' },
			{ field: 'places', before: '12,5', after: '(vide)' }
		]);
		expect(auditChanges(null, { role: 'agent' }, 'user')).toEqual([
			{ field: 'rôle', before: '', after: 'Chargé·e de participation' }
		]);
		expect(
			auditChanges(
				{ status: 'brouillon', decision: null, startsAt: '2026-06-30T22:30:00.000Z' },
				{ status: 'publie', decision: 'deja_en_cours', startsAt: '2026-07-01T07:00:00.000Z' },
				'event'
			)
		).toEqual([
			{ field: 'statut', before: 'Brouillon', after: 'Publié' },
			{ field: 'décision', before: '(vide)', after: 'Déjà en cours' },
			{ field: 'début', before: '01/07/2026\u00a000:30', after: '01/07/2026\u00a009:00' }
		]);
		expect(
			auditChanges({ opensAt: '2026-09-04T08:00', mandateEnd: '2027-12-31' }, null, 'person')
		).toEqual([
			{ field: 'ouverture', before: '04/09/2026\u00a008:00', after: '' },
			{ field: 'fin du mandat', before: '31/12/2027', after: '' }
		]);
		expect(auditChanges(null, { personIds: [3, 12], size: 1200 }, 'group')).toEqual([
			{ field: 'personnes', before: '', after: 'n° 3, n° 12' },
			{ field: 'sièges', before: '', after: '1\u202f200' }
		]);
		expect(auditChanges(null, { key_figures: '["55 points d’accueil","7 MDS"]' })).toEqual([
			{ field: 'chiffres clés', before: '', after: '55 points d’accueil, 7 MDS' }
		]);
	});

	it('names every field and every code the demonstration records, and dates in Paris time', async () => {
		const db = await createDemoTestDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const entries = await exportAudit(db, admin);
		expect(entries.length).toBeGreaterThan(100);
		const unnamed = new Set<string>();
		const unread = new Set<string>();
		for (const entry of entries) {
			for (const side of [entry.before, entry.after])
				if (side && typeof side === 'object' && !Array.isArray(side))
					for (const key of Object.keys(side))
						if (!(key in FIELD_LABELS)) unnamed.add(`${entry.entityType}.${key}`);
			for (const change of entry.changes)
				for (const shown of [change.before, change.after])
					if (/\b[a-z]+_[a-z_]+\b|^\d{4}-\d{2}-\d{2}/.test(shown))
						unread.add(`${entry.entityType}.${change.field}: ${shown.slice(0, 60)}`);
		}
		expect([...unnamed]).toEqual([]);
		expect([...unread]).toEqual([]);
	});

	it('filters by person, action, object and Paris days, and exports what it shows', async () => {
		const db = await createTestDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const agent = (await createTestUser(db, 'agent')).actor;
		await recordAudit(db, {
			actor: agent,
			action: 'fiche.updated',
			entityType: 'fiche',
			entityId: 'AUT-28',
			before: { title: 'Avant' },
			after: { title: 'Après' }
		});
		await recordAudit(db, { actor: null, action: 'fiches.imported', entityType: 'fiche' });
		await db
			.updateTable('audit_log')
			.set({ created_at: '2026-06-30T22:30:00.000Z' }) // 1 July, 00:30 in Paris
			.where('action', '=', 'fiches.imported')
			.execute();

		const byAgent = await listAudit(db, admin, { actor: agent.id });
		expect(byAgent.entries.map((e) => e.sentence)).toEqual([
			`${agent.displayName} a modifié la fiche-action AUT-28 (« Après »).`
		]);
		expect((await listAudit(db, admin, { actor: 'systeme' })).total).toBe(1);
		expect(
			(await listAudit(db, admin, { action: 'fiche.updated', entityId: 'AUT-28' })).total
		).toBe(1);
		const july = readAuditFilter(new URLSearchParams('du=2026-07-01&au=2026-07-01'));
		expect(july.errors).toEqual([]);
		expect((await listAudit(db, admin, july.filter)).entries.map((e) => e.action)).toEqual([
			'fiches.imported'
		]);
		const june = readAuditFilter(new URLSearchParams('au=2026-06-30'));
		expect((await listAudit(db, admin, june.filter)).total).toBe(0);
		expect(readAuditFilter(new URLSearchParams('du=2026-13-45&personne=x')).errors).toHaveLength(1);

		const options = await auditFilterOptions(db, admin);
		expect(options.actions.map((a) => a.label)).toContain('… a modifié la fiche-action');
		expect(options.people.map((p) => p.value)).toEqual(
			expect.arrayContaining(['systeme', String(agent.id)])
		);

		const rows = parse(auditCsv(await exportAudit(db, admin, { actor: agent.id })), {
			delimiter: ';',
			bom: true
		});
		expect(rows[0][0]).toBe('date (heure de Paris)');
		expect(rows[1].slice(1, 6)).toEqual([
			agent.displayName,
			`${agent.displayName} a modifié la fiche-action AUT-28 (« Après »).`,
			'Fiche-action',
			'AUT-28',
			'titre : Avant → Après'
		]);
		await expect(listAudit(db, agent)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(exportAudit(db, agent)).rejects.toBeInstanceOf(ForbiddenError);
	});
});
