import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import type { Db } from '../db/database';
import { ForbiddenError } from '../errors';
import { foldForSearch } from '../text';
import { nowForDb } from '../db/codecs';
import { suggestFiches } from './suggest';
import { evaluateSuggestions } from './suggestion-evaluation';
import { prefixStem as stem, stemWord } from '../search/french-words';
import {
	getContribution,
	listContributions,
	contributionsForPilote,
	contributionsOnFiche
} from './inbox';
import { applyToContributions, mergeContributions } from './triage';
import { decide, linkToFiche, unlink } from './links';
import { maskContribution, unmaskContribution } from './moderation';
import { fillMissingSearchText } from './search-text';
import { contributionIndicators, median } from './indicators';

let shared: Db;
beforeAll(async () => {
	shared = await createTestDatabase();
	await loadReferenceData(shared);
	await importSchemaUnchecked(shared, null, BUNDLED_SCHEMA);
});

async function setup() {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	const agent = (await createTestUser(db, 'agent')).actor;
	return { db, agent };
}

async function contribution(db: Db, text: string, fields: Record<string, unknown> = {}) {
	const { id } = await db
		.insertInto('contribution')
		.values({
			source: 'consultation',
			text,
			search_text: foldForSearch(text),
			created_at: nowForDb(),
			...fields
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

async function ficheId(db: Db, ref: string) {
	return (
		await db.selectFrom('fiche').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()
	).id;
}

describe('suggestions', () => {
	// Residents' words for the real fiches of the Loir-et-Cher schéma.
	const examples: [string, string][] = [
		[
			'Il faudrait des solutions de répit pour les parents épuisés, quelques heures par semaine.',
			'ENF-02'
		],
		[
			'Beaucoup d’aidants ne se reconnaissent pas comme aidants ; il faut mieux les repérer.',
			'AUT-27'
		],
		[
			'Les jeunes en difficulté ont besoin d’un pack pour le logement, la formation et l’emploi.',
			'HAB-04'
		],
		[
			'Je ne sais pas prendre un rendez-vous médical en ligne ni faire une téléconsultation : formez-nous aux outils numériques de santé.',
			'NUM-06'
		],
		['Le site internet du département est à refaire, on ne trouve rien.', 'NUM-05']
	];
	for (const [text, ref] of examples)
		it(`ranks ${ref} first for « ${text.slice(0, 40)}… »`, async () => {
			const [first] = await suggestFiches(shared, text);
			expect(first?.ref).toBe(ref);
		});

	it('finds the fiches an officer would link for the hand-labelled wordings', async () => {
		const report = await evaluateSuggestions(shared);
		expect(report.size).toBeGreaterThanOrEqual(60);
		expect(report.recallAt5).toBeGreaterThanOrEqual(0.85);
	});

	it('explains each suggestion with the words that matched, synonyms included', async () => {
		const [first] = await suggestFiches(shared, 'Des solutions de répit pour les aidants');
		expect(first.matched).toEqual(expect.arrayContaining(['répit', 'aidants']));
		const transport = await suggestFiches(shared, 'Le transport manque pour aller au travail');
		expect(transport.flatMap((s) => s.matched)).toContain('transport → mobilité');
	});

	it('stems plurals and suffixes so that related words meet', () => {
		expect(stem('parents')).toBe(stem('parent'));
		expect(stem('aidants')).toBe(stem('aidant'));
		expect(stem('numeriques')).toBe(stem('numerique'));
		expect(stemWord('Aidantes')).toBe(stemWord('aidant'));
		expect(stemWord('répit')).toBe(stemWord('repit'));
		expect(stemWord('permanences')).toBe(stemWord('permanence'));
	});

	it('learns from contributions already linked, and leaves out fiches already linked', async () => {
		const { db, agent } = await setup();
		const num05 = await ficheId(db, 'NUM-05');
		const before = await suggestFiches(db, 'Le formulaire en ligne plante sans arrêt');
		expect(before[0]?.ref).not.toBe('NUM-05');
		const earlier = await contribution(
			db,
			'Le formulaire en ligne du département plante sans arrêt'
		);
		await linkToFiche(db, agent, earlier, num05);
		const after = await suggestFiches(db, 'Le formulaire en ligne plante sans arrêt');
		expect(after[0]?.ref).toBe('NUM-05');
		expect(
			(await suggestFiches(db, 'Le formulaire en ligne plante', { exclude: [num05] })).map(
				(s) => s.ref
			)
		).not.toContain('NUM-05');
	});
});

describe('the inbox', () => {
	it('filters, searches in French and sorts in bulk', async () => {
		const { db, agent } = await setup();
		const nord = await db
			.selectFrom('territory')
			.select('id')
			.where('code', '=', 'nord')
			.executeTakeFirstOrThrow();
		const a = await contribution(db, 'Plus de transports à la demande le samedi', {
			territory_id: nord.id
		});
		const b = await contribution(db, 'Une crèche ouverte plus tard', { source: 'evenement' });
		await contribution(db, 'Des permanences numériques à la mairie');
		expect(
			(await listContributions(db, agent, { q: 'TRANSPORTS demande' })).items.map((i) => i.id)
		).toEqual([a]);
		expect((await listContributions(db, agent, { q: 'creche' })).items.map((i) => i.id)).toEqual([
			b
		]);
		expect((await listContributions(db, agent, { territoryId: nord.id })).total).toBe(1);
		expect((await listContributions(db, agent, { source: 'evenement' })).total).toBe(1);

		expect(await applyToContributions(db, agent, [a, b], { kind: 'tag', tag: 'Mobilité' })).toBe(2);
		await applyToContributions(db, agent, [a, b], { kind: 'tag', tag: 'mobilite' });
		await applyToContributions(db, agent, [a], { kind: 'state', state: 'hors_champ' });
		await applyToContributions(db, agent, [b], { kind: 'assign', userId: agent.id });
		const pilote = (await createTestUser(db, 'pilote')).actor;
		const habitant = (await createTestUser(db, 'habitant')).actor;
		await applyToContributions(db, agent, [a], { kind: 'assign', userId: pilote.id });
		await expect(
			applyToContributions(db, agent, [a], { kind: 'assign', userId: habitant.id })
		).rejects.toThrow(/pilote/);
		await expect(
			applyToContributions(db, agent, [a], { kind: 'state', state: 'perdue' })
		).rejects.toThrow(/état/);
		await expect(
			applyToContributions(db, agent, [], { kind: 'state', state: 'traitee' })
		).rejects.toThrow(/Cochez/);
		const tagged = await listContributions(db, agent, { tag: 'mobilite' });
		expect(tagged.items.map((i) => [i.id, i.tags])).toEqual([
			[b, ['mobilite']],
			[a, ['mobilite']]
		]);
		expect(
			(await listContributions(db, agent, { state: 'hors_champ' })).items[0].assignedUserId
		).toBe(pilote.id);
		expect(
			(await listContributions(db, agent, { assignedUserId: agent.id })).items.map((i) => i.id)
		).toEqual([b]);
		await expect(listContributions(db, pilote, {})).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listContributions(db, habitant, {})).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('merges duplicates: they leave the inbox, their links and tags join the one kept', async () => {
		const { db, agent } = await setup();
		const keep = await contribution(db, 'Des bus le samedi matin');
		const dup = await contribution(db, 'Il faudrait des bus le samedi');
		const older = await contribution(db, 'Bus le samedi !');
		await mergeContributions(db, agent, dup, [older]);
		await applyToContributions(db, agent, [dup], { kind: 'tag', tag: 'mobilite' });
		const link = await linkToFiche(db, agent, dup, await ficheId(db, 'NUM-05'));
		await decide(db, agent, link, {
			decision: 'non_retenue',
			explanation: 'Ce n’est pas le rôle du site.'
		});
		await mergeContributions(db, agent, keep, [dup]);
		const { items, total } = await listContributions(db, agent, {});
		expect(total).toBe(1);
		expect(items[0]).toMatchObject({ id: keep, tags: ['mobilite'], duplicates: 2 });
		expect(items[0].links.map((l) => [l.ref, l.decision])).toEqual([['NUM-05', 'non_retenue']]);
		const merged = await db
			.selectFrom('contribution')
			.select(['id', 'merged_into_id'])
			.where('id', 'in', [dup, older])
			.execute();
		expect(merged.every((m) => m.merged_into_id === keep)).toBe(true);
		await expect(mergeContributions(db, agent, keep, [keep])).rejects.toThrow(/doublon/);
		await expect(mergeContributions(db, agent, keep, [dup])).rejects.toThrow(/déjà fusionnée/);
	});
});

describe('links and decisions', () => {
	it('links to fiches, asks for a public explanation, lets the pilote of the fiche answer', async () => {
		const { db, agent } = await setup();
		const { user: piloteUser, actor: pilote } = await createTestUser(db, 'pilote');
		const other = (await createTestUser(db, 'pilote')).actor;
		const enf02 = await ficheId(db, 'ENF-02');
		const aut27 = await ficheId(db, 'AUT-27');
		await db
			.updateTable('fiche')
			.set({ owner_user_id: piloteUser.id })
			.where('id', '=', enf02)
			.execute();
		const id = await contribution(db, 'Du répit pour les parents, et pour les aidants aussi');
		const { suggestions } = await getContribution(db, agent, id);
		expect(suggestions.map((s) => s.ref)).toContain('ENF-02');
		const l1 = await linkToFiche(db, agent, id, enf02);
		const l2 = await linkToFiche(db, agent, id, aut27);
		await expect(linkToFiche(db, agent, id, enf02)).rejects.toThrow(/déjà reliée à ENF-02/);
		expect((await getContribution(db, agent, id)).item.state).toBe('en_cours');
		expect((await getContribution(db, agent, id)).suggestions.map((s) => s.ref)).not.toContain(
			'ENF-02'
		);

		await expect(
			decide(db, pilote, l1, { decision: 'prise_en_compte', explanation: 'court' })
		).rejects.toThrow(/10 caractères/);
		await expect(
			decide(db, pilote, l1, { decision: 'peut-etre', explanation: 'x'.repeat(20) })
		).rejects.toThrow(/décision/);
		await decide(db, pilote, l1, {
			decision: 'prise_en_compte',
			explanation: 'Des places de répit ouvriront à Blois en 2027.'
		});
		await expect(
			decide(db, pilote, l2, { decision: 'deja_en_cours', explanation: 'Pas ma fiche du tout.' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getContribution(db, other, id)).rejects.toThrow(/introuvable/);
		expect((await contributionsForPilote(db, pilote)).map((c) => c.id)).toEqual([id]);
		expect((await getContribution(db, pilote, id)).suggestions).toEqual([]);
		expect((await getContribution(db, agent, id)).item.state).toBe('en_cours');
		await decide(db, agent, l2, {
			decision: 'deja_en_cours',
			explanation: 'Le repérage des aidants a commencé dans les MDS.'
		});
		const { item } = await getContribution(db, agent, id);
		expect(item.state).toBe('traitee');
		expect(item.links.map((l) => [l.ref, l.decision, l.explanation])).toEqual([
			['AUT-27', 'deja_en_cours', 'Le repérage des aidants a commencé dans les MDS.'],
			['ENF-02', 'prise_en_compte', 'Des places de répit ouvriront à Blois en 2027.']
		]);
		await expect(unlink(db, pilote, l1)).rejects.toBeInstanceOf(ForbiddenError);
		await unlink(db, agent, l2);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'contribution')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['contribution.link', 'contribution.decide', 'contribution.unlink'])
		);
	});
});

describe('moderation', () => {
	it('masks for the public with a reason, keeps the original for staff, audits it', async () => {
		const { db, agent } = await setup();
		const id = await contribution(db, 'Mme Dupont au 3 rue des Lilas ne reçoit jamais de réponse');
		await expect(
			maskContribution(db, agent, id, {
				publicText: '[nom masqué] ne reçoit jamais de réponse',
				reason: 'x'
			})
		).rejects.toThrow(/raison/);
		await maskContribution(db, agent, id, {
			publicText: '[nom et adresse masqués] ne reçoit jamais de réponse',
			reason: 'donnees-personnelles'
		});
		const { item } = await getContribution(db, agent, id);
		expect(item).toMatchObject({
			publicText: '[nom et adresse masqués] ne reçoit jamais de réponse',
			originalText: 'Mme Dupont au 3 rue des Lilas ne reçoit jamais de réponse',
			masked: true,
			maskReason: 'donnees-personnelles'
		});
		const { user: piloteUser, actor: pilote } = await createTestUser(db, 'pilote');
		const fiche = await ficheId(db, 'ENF-02');
		await db
			.updateTable('fiche')
			.set({ owner_user_id: piloteUser.id })
			.where('id', '=', fiche)
			.execute();
		await linkToFiche(db, agent, id, fiche);
		expect((await getContribution(db, pilote, id)).item.originalText).toBeNull();
		await expect(
			maskContribution(db, pilote, id, { publicText: 'x', reason: 'autre' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await unmaskContribution(db, agent, id);
		expect((await getContribution(db, agent, id)).item.masked).toBe(false);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'after'])
			.where('action', 'in', ['contribution.mask', 'contribution.unmask'])
			.execute();
		expect(audit).toHaveLength(2);
	});

	it('fills the search text of contributions written before the inbox', async () => {
		const { db, agent } = await setup();
		await db
			.insertInto('contribution')
			.values({ source: 'consultation', text: 'Crèche à Vendôme', created_at: nowForDb() })
			.execute();
		expect(await fillMissingSearchText(db)).toBe(1);
		expect((await listContributions(db, agent, { q: 'vendome creche' })).total).toBe(1);
	});
});

describe('indicators', () => {
	it('computes the share decided and the median days to the first decision, by source and territory', async () => {
		const { db, agent } = await setup();
		const sud = await db
			.selectFrom('territory')
			.select('id')
			.where('code', '=', 'sud')
			.executeTakeFirstOrThrow();
		const day = (n: number) => new Date(Date.now() - n * 86400_000).toISOString();
		const a = await contribution(db, 'Des bus le samedi', {
			created_at: day(10),
			territory_id: sud.id
		});
		const b = await contribution(db, 'Une crèche le soir', {
			created_at: day(4),
			source: 'evenement'
		});
		await contribution(db, 'Plus de permanences', { created_at: day(1) });
		const fiche = await ficheId(db, 'NUM-05');
		for (const id of [a, b]) {
			const link = await linkToFiche(db, agent, id, fiche);
			await decide(db, agent, link, {
				decision: 'non_retenue',
				explanation: 'Explication publique.'
			});
		}
		const indicators = await contributionIndicators(db, agent);
		expect(indicators.total).toMatchObject({ contributions: 3, decided: 2 });
		expect(indicators.total.medianDays).toBeCloseTo(7, 1);
		expect(indicators.bySource).toEqual([
			{ label: 'consultation', contributions: 2, decided: 1, medianDays: expect.closeTo(10, 1) },
			{ label: 'evenement', contributions: 1, decided: 1, medianDays: expect.closeTo(4, 1) }
		]);
		expect(indicators.byTerritory.map((r) => [r.label, r.contributions, r.decided])).toEqual([
			['Sans territoire', 2, 1],
			[expect.stringMatching(/sud/i), 1, 1]
		]);
		expect(median([3, 1, 2])).toBe(2);
		expect(median([])).toBeNull();
		const pilote = (await createTestUser(db, 'pilote')).actor;
		await expect(contributionIndicators(db, pilote)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('shows a fiche’s contributions to its officers and its pilote, waiting decisions first', async () => {
		const { db, agent } = await setup();
		const owner = await createTestUser(db, 'pilote');
		const other = (await createTestUser(db, 'pilote')).actor;
		const fiche = await ficheId(db, 'AUT-28');
		await db
			.updateTable('fiche')
			.set({ owner_user_id: owner.user.id })
			.where('id', '=', fiche)
			.execute();
		const first = await contribution(db, 'Des heures de répit le samedi', {
			triage_state: 'en_cours'
		});
		const second = await contribution(db, 'Un accueil de jour pour souffler');
		const decided = await linkToFiche(db, agent, first, fiche);
		await decide(db, agent, decided, {
			decision: 'prise_en_compte',
			explanation: 'Des heures de répit seront proposées.'
		});
		await linkToFiche(db, agent, second, fiche);
		const seen = await contributionsOnFiche(db, owner.actor, 'AUT-28');
		expect(seen.map((c) => [c.contributionId, c.decision])).toEqual([
			[second, null],
			[first, 'prise_en_compte']
		]);
		expect((await contributionsOnFiche(db, agent, 'AUT-28')).length).toBe(2);
		await expect(contributionsOnFiche(db, other, 'AUT-28')).rejects.toBeInstanceOf(ForbiddenError);
	});
});
