import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { nowForDb } from '../db/codecs';
import { foldForSearch } from '../text';
import { RateLimitedError } from '../errors';
import { RATE_LIMITS } from '../security/rate-limit';
import { readForm } from '../read-form';
import { createConsultation } from '../consultations/builder';
import { consultationInput } from '../consultations/testing';
import { decide, linkToFiche } from './links';
import { mergeContributions } from './triage';
import {
	ficheContributions,
	ficheMessageSchema,
	followByReceipt,
	leaveMessageOnFiche,
	myContributions
} from './traceability';

async function setup() {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	const agent = (await createTestUser(db, 'agent')).actor;
	return { db, agent };
}

const ficheId = async (db: Awaited<ReturnType<typeof setup>>['db'], ref: string) =>
	(await db.selectFrom('fiche').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id;

describe('following what became of a contribution', () => {
	it('shows, by receipt code, each idea, the fiches it fed, their status and the decisions', async () => {
		const { db, agent } = await setup();
		const { user: resident, actor: residentActor } = await createTestUser(db, 'habitant');
		const consultation = await createConsultation(db, agent, consultationInput());
		const now = nowForDb();
		const { id: responseId } = await db
			.insertInto('response')
			.values({
				consultation_id: consultation,
				status: 'envoyee',
				channel: 'web',
				receipt_code: 'K7PM-2QXR',
				respondent_user_id: resident.id,
				started_at: now,
				updated_at: now,
				submitted_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const add = async (text: string) =>
			(
				await db
					.insertInto('contribution')
					.values({
						source: 'consultation',
						consultation_id: consultation,
						response_id: responseId,
						text,
						search_text: foldForSearch(text),
						created_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const idea = await add('Du répit pour les parents épuisés');
		const other = await add('Un bus le samedi');
		const kept = (
			await db
				.insertInto('contribution')
				.values({ source: 'evenement', text: 'Des bus le samedi matin', created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const link = await linkToFiche(db, agent, idea, await ficheId(db, 'ENF-02'));
		await decide(db, agent, link, {
			decision: 'prise_en_compte',
			explanation: 'Des places de répit ouvriront à Blois en 2027.'
		});
		await linkToFiche(db, agent, kept, await ficheId(db, 'NUM-05'));
		await mergeContributions(db, agent, kept, [other]);

		const traced = await followByReceipt(db, 'k7pm 2qxr', '198.51.100.1');
		expect(traced.code).toBe('K7PM-2QXR');
		expect(traced.contributions.map((c) => [c.text, c.state, c.merged])).toEqual([
			['Du répit pour les parents épuisés', 'traitee', false],
			['Un bus le samedi', 'en_cours', true]
		]);
		expect(traced.contributions[0].links).toEqual([
			{
				ref: 'ENF-02',
				title: expect.stringMatching(/répit parental/),
				ficheStatus: null,
				decision: 'prise_en_compte',
				explanation: 'Des places de répit ouvriront à Blois en 2027.',
				decidedAt: expect.any(String)
			}
		]);
		expect(traced.contributions[1].links.map((l) => [l.ref, l.decision])).toEqual([
			['NUM-05', null]
		]);
		expect((await myContributions(db, residentActor)).map((c) => c.id)).toEqual([idea, other]);

		await expect(followByReceipt(db, 'K7PM', '198.51.100.1')).rejects.toThrow(/8 caractères/);
		await expect(followByReceipt(db, 'ZZZZ-ZZZZ', '198.51.100.1')).rejects.toThrow(
			/Aucune contribution/
		);
		// A good code never counts: a family behind one box follows theirs as often as it likes.
		const { limit } = RATE_LIMITS.codeFailuresPerAddress;
		for (let i = 0; i < limit + 5; i++) await followByReceipt(db, 'K7PM-2QXR', '198.51.100.1');
		// Unknown codes do (two above already).
		for (let i = 2; i < limit; i++)
			await followByReceipt(db, 'ZZZZ-ZZZZ', '198.51.100.1').catch(() => null);
		const limited = await followByReceipt(db, 'K7PM-2QXR', '198.51.100.1').catch((e) => e);
		expect(limited).toBeInstanceOf(RateLimitedError);
		expect(limited.message).toMatch(/appeler le service participation au 02 54/);
		expect((await followByReceipt(db, 'K7PM-2QXR', '198.51.100.2')).code).toBe('K7PM-2QXR');
	});

	it('takes a message on a fiche, with a receipt code, shown once an officer has read it', async () => {
		const { db, agent } = await setup();
		const options = { clientAddress: '198.51.100.7', perHour: 2 };
		expect(readForm(ficheMessageSchema, { text: 'court', contactConsent: true })).toMatchObject({
			ok: false,
			errors: { text: expect.stringMatching(/10 caractères/) }
		});
		expect(
			readForm(ficheMessageSchema, {
				text: 'Une idée assez longue',
				email: '',
				contactConsent: true
			})
		).toMatchObject({ ok: false, errors: { email: expect.stringMatching(/adresse e-mail/) } });
		const { receiptCode } = await leaveMessageOnFiche(
			{ db, submissionsPerHour: options.perHour },
			null,
			'NUM-05',
			{
				text: 'Le site devrait dire où sont les permanences.',
				name: 'Awa',
				email: 'awa@exemple.fr',
				contactConsent: true
			},
			options.clientAddress
		);
		expect(await ficheContributions(db, 'NUM-05')).toEqual([]);
		const traced = await followByReceipt(db, receiptCode, '198.51.100.7');
		expect(traced.contributions[0].links.map((l) => l.ref)).toEqual(['NUM-05']);
		const row = await db
			.selectFrom('contribution_link')
			.select('id')
			.where('contribution_id', '=', traced.contributions[0].id)
			.executeTakeFirstOrThrow();
		await decide(db, agent, row.id, {
			decision: 'prise_en_compte',
			explanation: 'La carte des permanences sera sur le nouveau site.'
		});
		expect(await ficheContributions(db, 'NUM-05')).toEqual([
			expect.objectContaining({
				text: 'Le site devrait dire où sont les permanences.',
				decision: 'prise_en_compte'
			})
		]);
		const contact = await db
			.selectFrom('contribution')
			.select(['contact_email', 'contact_consent', 'author_name', 'source'])
			.where('receipt_code', '=', receiptCode)
			.executeTakeFirstOrThrow();
		expect(contact).toEqual({
			contact_email: 'awa@exemple.fr',
			contact_consent: 1,
			author_name: 'Awa',
			source: 'fiche'
		});
		const message = {
			text: 'Encore une idée assez longue',
			name: '',
			email: '',
			contactConsent: false
		};
		await leaveMessageOnFiche(
			{ db, submissionsPerHour: options.perHour },
			null,
			'NUM-05',
			message,
			options.clientAddress
		);
		await expect(
			leaveMessageOnFiche(
				{ db, submissionsPerHour: options.perHour },
				null,
				'NUM-05',
				message,
				options.clientAddress
			)
		).rejects.toBeInstanceOf(RateLimitedError);
	});
});
