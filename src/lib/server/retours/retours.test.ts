import { computeRetourFigures, protectRetourFigures } from './figures';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { nowForDb } from '../db/codecs';
import { ForbiddenError } from '../errors';
import { readForm } from '../read-form';
import { createConsultation } from '../consultations/builder';
import { consultationInput } from '../consultations/testing';
import { decide, linkToFiche } from '../contributions/links';
import {
	createRetour,
	figuresOf,
	getPublishedRetour,
	listPublishedRetours,
	publishRetour,
	updateRetour
} from './manage';
import { retourSchema, type RetourInput } from './schemas';

describe('retours', () => {
	it('computes its figures from the data, publishes, and stays hidden until then', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
		const agent = (await createTestUser(db, 'agent')).actor;
		const consultation = await createConsultation(db, agent, consultationInput());
		const [nord, sud] = await Promise.all(
			['nord', 'sud'].map((code) =>
				db.selectFrom('territory').select('id').where('code', '=', code).executeTakeFirstOrThrow()
			)
		);
		const now = nowForDb();
		const responses = [
			[nord.id, 'web'],
			[nord.id, 'papier'],
			[sud.id, 'web']
		] as const;
		const ids: number[] = [];
		for (const [territory, channel] of responses) {
			const { id } = await db
				.insertInto('response')
				.values({
					consultation_id: consultation,
					status: 'envoyee',
					channel,
					territory_id: territory,
					started_at: now,
					updated_at: now,
					submitted_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			ids.push(id);
		}
		const contribution = async (text: string) =>
			(
				await db
					.insertInto('contribution')
					.values({
						source: 'consultation',
						consultation_id: consultation,
						response_id: ids[0],
						text,
						created_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const a = await contribution('Des bus le samedi');
		await contribution('Une crèche le soir');
		const num05 = (
			await db
				.selectFrom('fiche')
				.select('id')
				.where('ref', '=', 'NUM-05')
				.executeTakeFirstOrThrow()
		).id;
		const enf02 = (
			await db
				.selectFrom('fiche')
				.select('id')
				.where('ref', '=', 'ENF-02')
				.executeTakeFirstOrThrow()
		).id;
		await decide(db, agent, await linkToFiche(db, agent, a, num05), {
			decision: 'non_retenue',
			explanation: 'Pas du ressort du site.'
		});
		await decide(db, agent, await linkToFiche(db, agent, a, enf02), {
			decision: 'prise_en_compte',
			explanation: 'Des places de répit ouvriront.'
		});

		const input: RetourInput = {
			title: 'Votre avis sur les services : ce que nous en faisons',
			slug: 'avis-services-retour',
			body: '',
			falcBody: 'Merci.',
			consultationId: consultation,
			eventIds: []
		};
		const id = await createRetour(db, agent, input);
		await expect(createRetour(db, agent, input)).rejects.toThrow(/déjà prise/);
		await expect(publishRetour(db, agent, id)).rejects.toThrow(/texte du retour/);
		await expect(getPublishedRetour(db, 'avis-services-retour')).rejects.toThrow(
			/pas encore publié/
		);
		await updateRetour(db, agent, id, { ...input, body: '## Merci\n\nVoici ce que nous faisons.' });
		await publishRetour(db, agent, id);
		const retour = await getPublishedRetour(db, 'avis-services-retour');
		const figures = await computeRetourFigures(db, {
			consultationId: retour.consultationId,
			eventIds: retour.eventIds
		});
		expect(figures.responses).toEqual({
			total: 3,
			byTerritory: [
				{ label: expect.stringMatching(/nord/i), count: 2 },
				{ label: expect.stringMatching(/sud/i), count: 1 }
			],
			byChannel: [
				{ label: 'papier', count: 1 },
				{ label: 'web', count: 2 }
			]
		});
		expect(figures.contributions).toEqual({
			total: 2,
			byDecision: [
				{ decision: 'prise_en_compte', count: 1 },
				{ decision: null, count: 1 }
			]
		});
		expect(figures.fiches.map((f) => [f.ref, f.contributions])).toEqual([
			['ENF-02', 1],
			['NUM-05', 1]
		]);
		// Published, three responses and two ideas are groups of fewer than 5 people.
		const published = await figuresOf(db, retour);
		expect(published.responses).toEqual({ total: 'small', byTerritory: [], byChannel: [] });
		expect(published.contributions).toEqual({ total: 'small', byDecision: [] });
		expect(published.fiches.map((f) => f.contributions)).toEqual(['small', 'small']);
		expect(
			protectRetourFigures(
				{
					...figures,
					responses: {
						total: 12,
						byTerritory: [
							{ label: 'Nord', count: 9 },
							{ label: 'Sud', count: 3 }
						],
						byChannel: [{ label: 'web', count: 12 }]
					}
				},
				5
			).responses
		).toEqual({
			total: 12,
			byTerritory: [
				{ label: 'Nord', count: 'masked' },
				{ label: 'Sud', count: 'small' }
			],
			byChannel: [{ label: 'web', count: 12 }]
		});
		expect((await listPublishedRetours(db)).map((r) => r.slug)).toEqual(['avis-services-retour']);

		expect(readForm(retourSchema, { ...input, consultationId: '', eventIds: [] })).toMatchObject({
			ok: false,
			errors: { consultationId: expect.stringMatching(/au moins un événement/) }
		});
		const habitant = (await createTestUser(db, 'habitant')).actor;
		await expect(createRetour(db, habitant, { ...input, slug: 'autre' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});
