// Invariants under operations fired at once. On PostgreSQL (npm run
// test:postgres) they run as concurrent transactions on a pool of ten
// connections, which is where a check-then-write would break; on SQLite
// they run one transaction at a time and must give the same results.
import { describe, expect, it } from 'vitest';
import { createTestContext, createTestDatabase, createTestUser } from './testing';
import { loadReferenceData } from './reference/seed';
import { withFreshCode, isUniqueViolation } from './db/concurrency';
import { nowForDb } from './db/codecs';
import type { Db } from './db/database';
import { createEvent, publishEvent } from './events/manage';
import { getEventById } from './events/queries';
import { eventCommand } from './events/testing';
import { cancelRegistration, registerForEvent } from './events/registration';
import { consumeRateLimit } from './security/rate-limit';
import { RateLimitedError } from './errors';
import { buildSampleConsultation, formOf, setUpConsultations } from './consultations/testing';
import { fieldName } from './consultations/answers';
import { saveSection, startResponse, submitResponse } from './consultations/responding';
import { enterResponse } from './consultations/entry';
import { computeBreakdown, computeResults } from './consultations/results';
import { codesOfBatch, generateInvitationCodes } from './consultations/invitations';

const POOL = { poolSize: 10 };

function byPhone(i: number) {
	return {
		name: `Personne ${i}`,
		email: '',
		phone: `06 00 00 ${String(Math.floor(i / 100)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')}`,
		postalAddress: '',
		needs: [],
		needsDetail: '',
		workshops: [] as number[],
		wantsRetour: false,
		consent: true as const
	};
}

async function publishedEvent(db: Db, capacity: number) {
	await loadReferenceData(db);
	const agent = (await createTestUser(db, 'agent')).actor;
	const id = await createEvent(db, agent, eventCommand({ capacity }));
	await publishEvent(db, agent, id);
	return getEventById(db, id);
}

async function registrations(db: Db, eventId: number) {
	return db
		.selectFrom('registration')
		.select(['id', 'status', 'name', 'receipt_code', 'promoted_at'])
		.where('event_id', '=', eventId)
		.orderBy('id')
		.execute();
}

describe('event places under concurrent registrations', () => {
	it('gives 50 simultaneous registrations for 10 places exactly 10 places and 40 ranks, in order', async () => {
		const db = await createTestDatabase(POOL);
		const event = await publishedEvent(db, 10);
		const ctx = createTestContext(db, { submissionsPerHour: 1000 });
		const outcomes = await Promise.all(
			Array.from({ length: 50 }, (_, i) => registerForEvent(ctx, event, byPhone(i), `10.0.0.${i}`))
		);
		const rows = await registrations(db, event.id);
		expect(rows).toHaveLength(50);
		expect(rows.filter((r) => r.status === 'inscrit')).toHaveLength(10);
		expect(rows.filter((r) => r.status === 'attente')).toHaveLength(40);
		// Places went to the first ten written; the waiting list follows the order of writing.
		expect(rows.slice(0, 10).every((r) => r.status === 'inscrit')).toBe(true);
		const ranks = outcomes
			.filter((o) => o.status === 'attente')
			.map((o) => o.waitingPosition)
			.sort((a, b) => a! - b!);
		expect(ranks).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		const rankByName = new Map<string, number | null>(
			outcomes.map((o, i) => [`Personne ${i}`, o.waitingPosition])
		);
		expect(rows.slice(10).map((r) => rankByName.get(r.name))).toEqual(ranks);
		expect(new Set(rows.map((r) => r.receipt_code)).size).toBe(50);
	});

	it('keeps one registration when the same address is sent several times at once', async () => {
		const db = await createTestDatabase(POOL);
		const event = await publishedEvent(db, 10);
		const ctx = createTestContext(db, { submissionsPerHour: 1000 });
		const same = { ...byPhone(1), email: 'ana@exemple.fr', phone: '' };
		const outcomes = await Promise.all(
			Array.from({ length: 5 }, () => registerForEvent(ctx, event, same, '10.0.0.1'))
		);
		expect(await registrations(db, event.id)).toHaveLength(1);
		expect(outcomes.every((o) => o.status === 'inscrit')).toBe(true);
	});

	it('gives each freed place to exactly one person, the first waiting, while others register', async () => {
		const db = await createTestDatabase(POOL);
		const event = await publishedEvent(db, 10);
		const ctx = createTestContext(db, { submissionsPerHour: 1000 });
		const placed = [];
		for (let i = 0; i < 20; i++)
			placed.push(await registerForEvent(ctx, event, byPhone(i), `10.0.1.${i}`));
		const cancellations = placed.slice(0, 4).map((o) => o.cancelToken!);
		await Promise.all([
			...cancellations.map((token) => cancelRegistration(ctx, token)),
			// A cancel link clicked twice at once frees one place, not two.
			cancelRegistration(ctx, cancellations[0]),
			...[20, 21, 22].map((i) => registerForEvent(ctx, event, byPhone(i), `10.0.2.${i}`))
		]);
		const rows = await registrations(db, event.id);
		expect(rows.filter((r) => r.status === 'annule').map((r) => r.name)).toEqual([
			'Personne 0',
			'Personne 1',
			'Personne 2',
			'Personne 3'
		]);
		expect(rows.filter((r) => r.status === 'inscrit')).toHaveLength(10);
		// The four places went to the four first on the waiting list, once each.
		expect(rows.filter((r) => r.promoted_at !== null).map((r) => r.name)).toEqual([
			'Personne 10',
			'Personne 11',
			'Personne 12',
			'Personne 13'
		]);
		expect(rows.filter((r) => r.status === 'attente')).toHaveLength(9);
	});
});

describe('consultation answers sent twice at once', () => {
	it('stores one response for a double-clicked submission, with one receipt code', async () => {
		const { db, agent } = await setUpConsultations(POOL);
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent);
		const ctx = { db, submissionsPerHour: 1000 };
		const token = await startResponse(ctx, consultation, null, { clientAddress: '10.1.0.1' });
		const [s1, s2] = questionnaire.sections;
		const [q1] = s1.questions;
		const [, q5] = s2.questions;
		await saveSection(
			db,
			consultation,
			questionnaire,
			token,
			s1,
			formOf({ [fieldName(q1)]: String(q1.options[1].id) }),
			new Set(),
			true
		);
		await saveSection(
			db,
			consultation,
			questionnaire,
			token,
			s2,
			formOf({ [fieldName(q5)]: 'Des permanences le samedi' }),
			new Set(),
			true
		);
		const outcomes = await Promise.all(
			Array.from({ length: 6 }, () =>
				submitResponse(ctx, consultation, questionnaire, token, null, '10.1.0.1')
			)
		);
		const codes = new Set(outcomes.map((o) => (o.ok ? o.receiptCode : 'refused')));
		expect(codes.size).toBe(1);
		expect([...codes][0]).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
		const responses = await db.selectFrom('response').select(['id', 'status']).execute();
		expect(responses).toEqual([{ id: responses[0].id, status: 'envoyee' }]);
		const answers = await db.selectFrom('answer').select('question_id').execute();
		expect(answers.filter((a) => a.question_id === q1.id)).toHaveLength(1);
		expect(await db.selectFrom('contribution').select('id').execute()).toHaveLength(1);
	});

	it('stores one response for a paper form entered twice at once by an agent', async () => {
		const { db, agent } = await setUpConsultations(POOL);
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent);
		const q1 = questionnaire.sections[0].questions[0];
		const form = {
			channel: 'telephone',
			submissionKey: 'f0f0f0f0f0f0f0f0f0f0',
			[fieldName(q1)]: String(q1.options[0].id)
		};
		const outcomes = await Promise.all(
			Array.from({ length: 6 }, () =>
				enterResponse(db, agent, consultation, questionnaire, formOf(form), new Set())
			)
		);
		expect(outcomes.filter((o) => o.ok && !o.duplicate)).toHaveLength(1);
		const codes = new Set(outcomes.map((o) => (o.ok ? o.receiptCode : 'refused')));
		expect(codes.size).toBe(1);
		expect(await db.selectFrom('response').select('id').execute()).toHaveLength(1);
	});

	it('counts 30 responses entered at once exactly, for results, without a deadlock', async () => {
		const { db, agent } = await setUpConsultations(POOL);
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent);
		const [q1, q2] = questionnaire.sections[0].questions;
		const outcomes = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				enterResponse(
					db,
					agent,
					consultation,
					questionnaire,
					formOf({
						channel: i % 3 === 0 ? 'papier' : 'telephone',
						submissionKey: `cccccccccccccccc${String(i).padStart(4, '0')}`,
						[fieldName(q1)]: String(q1.options[i % 3 === 0 ? 1 : 0].id),
						[fieldName(q2)]: [String(q2.options[0].id), String(q2.options[1 + (i % 2)].id)]
					}),
					new Set()
				)
			)
		);
		expect(outcomes.filter((o) => o.ok && !o.duplicate)).toHaveLength(30);
		const results = await computeResults(db, questionnaire);
		expect(results.total).toBe(30);
		const byId = new Map(results.questions.map((r) => [r.question.id, r]));
		expect(byId.get(q1.id)!.counts.map((c) => c.count)).toEqual([20, 10]);
		// Asked only after a « oui ».
		expect(byId.get(q2.id)!.respondents).toBe(20);
		expect(
			byId
				.get(q2.id)!
				.counts.slice(0, 3)
				.map((c) => c.count)
		).toEqual([20, 10, 10]);
		const byChannel = await computeBreakdown(db, questionnaire, 'canal');
		expect(byChannel.columns.map((c) => [c.key, c.respondents])).toEqual([
			['telephone', 20],
			['papier', 10]
		]);
	});
});

describe('codes drawn at random', () => {
	it('draws again when a unique constraint refuses a code, and the transaction goes on', async () => {
		const db = await createTestDatabase();
		const contribution = (code: string) => ({
			source: 'fiche' as const,
			text: 'Une idée',
			search_text: 'une idee',
			receipt_code: code,
			created_at: nowForDb(),
			updated_at: nowForDb()
		});
		await db.insertInto('contribution').values(contribution('AAAA-AAAA')).execute();
		const drawn = ['AAAA-AAAA', 'AAAA-AAAA', 'BBBB-BBBB'];
		const code = await db.transaction().execute(async (tx) => {
			const written = await withFreshCode(
				tx,
				() => drawn.shift()!,
				async (code) => {
					await tx.insertInto('contribution').values(contribution(code)).execute();
					return code;
				}
			);
			await tx.insertInto('contribution').values(contribution('CCCC-CCCC')).execute();
			return written;
		});
		expect(code).toBe('BBBB-BBBB');
		const stored = await db.selectFrom('contribution').select('receipt_code').execute();
		expect(stored.map((r) => r.receipt_code).sort()).toEqual([
			'AAAA-AAAA',
			'BBBB-BBBB',
			'CCCC-CCCC'
		]);
		// Other errors are not retried.
		await expect(
			db.transaction().execute((tx) =>
				withFreshCode(
					tx,
					() => 'DDDD-DDDD',
					() =>
						tx
							.insertInto('contribution')
							.values({ ...contribution('x'), text: null! })
							.execute()
				)
			)
		).rejects.toSatisfy((error) => !isUniqueViolation(error));
	});

	it('gives two batches of invitation codes generated at once their own numbers and codes', async () => {
		const { db, agent } = await setUpConsultations(POOL);
		const { consultation } = await buildSampleConsultation(db, agent, { access: 'code' });
		const batches = await Promise.all([
			generateInvitationCodes(db, agent, consultation.id, 300),
			generateInvitationCodes(db, agent, consultation.id, 300)
		]);
		expect(batches.sort()).toEqual([1, 2]);
		const codes = [
			...(await codesOfBatch(db, agent, consultation.id, 1)),
			...(await codesOfBatch(db, agent, consultation.id, 2))
		];
		expect(new Set(codes.map((c) => c.code)).size).toBe(600);
	});
});

describe('rate limits under a burst', () => {
	it('lets exactly the limit through when attempts arrive at once, and counts them all', async () => {
		const db = await createTestDatabase(POOL);
		const rule = { limit: 10, windowSeconds: 3600 };
		// Early in a window, so that the previous window's share plays no part.
		const now = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 1000;
		const outcomes = await Promise.allSettled(
			Array.from({ length: 30 }, () => consumeRateLimit(db, 'burst:10.2.0.1', rule, now))
		);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
		expect(
			outcomes.every((o) => o.status === 'fulfilled' || o.reason instanceof RateLimitedError)
		).toBe(true);
		const { count } = await db
			.selectFrom('rate_limit')
			.select('count')
			.where('key', '=', 'burst:10.2.0.1')
			.executeTakeFirstOrThrow();
		expect(count).toBe(30);
	});
});
