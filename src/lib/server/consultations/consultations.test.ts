import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { createTestUser } from '../testing';
import { CODE_ALPHABET, generateReadableCode, normaliseCode } from './codes';
import {
	fieldName,
	otherFieldName,
	parseFrenchNumber,
	rankFieldName,
	readAnswers,
	validateAll,
	visibleQuestionIds
} from './answers';
import { allQuestions, exclusiveOption } from './model';
import { firstUnansweredStep, respondentNumbers } from './steps';
import {
	createResumeCode,
	getDraft,
	resumeWithCode,
	saveSection,
	startResponse,
	stepsOf,
	submitResponse
} from './responding';
import { computeBreakdown, computeResults, listFreeTexts } from './results';
import { recountConsultation } from './tallies';
import { migrations } from '../db/migrations';
import { enterResponse } from './entry';
import {
	addQuestion,
	addSection,
	changeLifecycle,
	deleteQuestion,
	duplicateConsultation,
	duplicateQuestion,
	duplicateSection,
	getQuestion,
	moveQuestion,
	moveSection,
	updateQuestion
} from './builder';
import { generateInvitationCodes, codesOfBatch } from './invitations';
import { buildExport, codebookCsv, toCsv, toXlsx } from './export';
import { groupSmallCommunes } from './public-results';
import { loadQuestionnaire } from './queries';
import { buildSampleConsultation, formOf, questionInput, setUpConsultations } from './testing';
import { parisLocalToDate, toParisLocalInput } from '$lib/paris-time';

const BLOIS = '41018';
const VENDOME = '41269';
const LIMIT = 1000;

describe('readable codes', () => {
	it('uses no look-alike characters and reads back whatever the typing', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateReadableCode();
			expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
			expect(normaliseCode(code.toLowerCase().replace('-', ' '))).toBe(code);
		}
		expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
		expect(normaliseCode('K7PM-2QXR')).toBe('K7PM-2QXR');
		expect(normaliseCode('k7pm2qxr')).toBe('K7PM-2QXR');
		expect(normaliseCode('K7PM-2QX0')).toBeNull();
		expect(normaliseCode('K7PM')).toBeNull();
	});
});

describe('Paris time', () => {
	it('reads what people type in Paris, summer and winter', () => {
		expect(parisLocalToDate('2023-09-04T09:00')!.toISOString()).toBe('2023-09-04T07:00:00.000Z');
		expect(parisLocalToDate('2024-01-30T14:30')!.toISOString()).toBe('2024-01-30T13:30:00.000Z');
		expect(toParisLocalInput(new Date('2023-09-22T21:59:00Z'))).toBe('2023-09-22T23:59');
		expect(parisLocalToDate('2023-02-30T10:00')).toBeNull();
		expect(parisLocalToDate('demain')).toBeNull();
	});
});

describe('answering engine', () => {
	it('reads each kind of answer and reports format errors in French', async () => {
		const { db, agent } = await setUpConsultations();
		const { questionnaire } = await buildSampleConsultation(db, agent);
		const [q1, q2, q3, q4, q5, q6] = allQuestions(questionnaire);
		const [accueil, , , autre] = q2.options;
		const reading = readAnswers(
			[q1, q2, q3, q4, q5, q6],
			formOf({
				[fieldName(q1)]: String(q1.options[0].id),
				[fieldName(q2)]: [String(accueil.id), String(autre.id)],
				[otherFieldName(q2)]: 'Permanence CAF',
				[fieldName(q3)]: '4',
				[rankFieldName(q4, q4.options[2].id)]: '1',
				[rankFieldName(q4, q4.options[0].id)]: '2',
				[fieldName(q5)]: '  Plus de bus le samedi  ',
				[fieldName(q6)]: '12,5'
			}),
			new Set([BLOIS])
		);
		expect(reading.errors).toEqual({});
		expect(reading.answers[q2.id]).toEqual({
			options: [accueil.id, autre.id],
			other: 'Permanence CAF'
		});
		expect(reading.answers[q4.id]).toEqual({ ranking: [q4.options[2].id, q4.options[0].id] });
		expect(reading.answers[q5.id]).toEqual({ text: 'Plus de bus le samedi' });
		expect(reading.answers[q6.id]).toEqual({ number: 12.5 });

		const bad = readAnswers(
			[q2, q3, q4, q6],
			formOf({
				[fieldName(q2)]: [String(autre.id)],
				[fieldName(q3)]: '9',
				[rankFieldName(q4, q4.options[0].id)]: '1',
				[rankFieldName(q4, q4.options[1].id)]: '1',
				[fieldName(q6)]: 'douze'
			}),
			new Set()
		);
		expect(bad.errors[q2.id]).toMatch(/précisez/);
		expect(bad.errors[q3.id]).toBe('Choisissez une valeur de 1 à 5.');
		expect(bad.errors[q4.id]).toMatch(/une seule fois/);
		expect(bad.errors[q6.id]).toMatch(/nombre/);
		expect(bad.raw[fieldName(q6)]).toBe('douze');
		expect(parseFrenchNumber('1 200')).toBe(1200);
	});

	it('shows a conditional question only when an earlier answer calls for it', async () => {
		const { db, agent } = await setUpConsultations();
		const { questionnaire } = await buildSampleConsultation(db, agent);
		const [q1, q2] = allQuestions(questionnaire);
		const [yes, no] = q1.options;
		expect(visibleQuestionIds(questionnaire, {}).has(q2.id)).toBe(false);
		expect(visibleQuestionIds(questionnaire, { [q1.id]: { options: [yes.id] } }).has(q2.id)).toBe(
			true
		);
		expect(visibleQuestionIds(questionnaire, { [q1.id]: { options: [no.id] } }).has(q2.id)).toBe(
			false
		);
		expect(validateAll(questionnaire, {})).toEqual({
			[q1.id]: 'Répondez à cette question : elle est obligatoire.'
		});
	});
});

describe('what the respondent sees', () => {
	it('numbers the questions shown to her, without the gaps of hidden ones', async () => {
		const { db, agent } = await setUpConsultations();
		const { consultation, questionnaire: before } = await buildSampleConsultation(db, agent);
		const [q1] = allQuestions(before);
		const [yes, no] = q1.options;
		const later = await addQuestion(
			db,
			agent,
			consultation.id,
			before.sections[1].id,
			questionInput({
				kind: 'texte_court',
				label: 'Laquelle ?',
				conditionQuestionId: String(q1.id),
				conditionOptionIds: [String(yes.id)]
			})
		);
		const questionnaire = await loadQuestionnaire(db, consultation.id);
		const all = allQuestions(questionnaire);
		const shown = (answers: Parameters<typeof respondentNumbers>[1]) => {
			const numbers = respondentNumbers(questionnaire, answers);
			return all.filter((q) => numbers.has(q.id)).map((q) => numbers.get(q.id));
		};
		// The same-section conditional (Q2) is counted: the page shows it; the later one is not.
		const withoutLater = shown({ [q1.id]: { options: [no.id] } });
		expect(withoutLater).toEqual(withoutLater.map((_, i) => i + 1));
		expect(respondentNumbers(questionnaire, { [q1.id]: { options: [no.id] } }).has(later)).toBe(
			false
		);
		const withLater = shown({ [q1.id]: { options: [yes.id] } });
		expect(withLater).toHaveLength(withoutLater.length + 1);
		expect(withLater).toEqual(withLater.map((_, i) => i + 1));
	});

	it('refuses « Aucune de ces situations » ticked with another situation', async () => {
		const { db, agent } = await setUpConsultations();
		const { questionnaire } = await buildSampleConsultation(db, agent);
		const situation = allQuestions(questionnaire).find((q) => q.label.includes('situations'))!;
		expect(exclusiveOption(situation)?.label).toBe('Aucune de ces situations');
		const none = exclusiveOption(situation)!.id;
		const other = situation.options[0].id;
		const read = (ids: number[]) =>
			readAnswers([situation], formOf({ [fieldName(situation)]: ids.map(String) }), new Set());
		expect(read([none, other]).errors[situation.id]).toBe(
			'« Aucune de ces situations » ne peut pas être cochée avec une autre réponse : décochez l’une ou les autres.'
		);
		expect(read([none]).answers[situation.id]).toEqual({ options: [none] });
		expect(read([other, situation.options[1].id]).errors).toEqual({});
	});
});

describe('answering on line', () => {
	it('saves each section, resumes with a code elsewhere, submits once, and files free text as a contribution', async () => {
		const { db, agent } = await setUpConsultations();
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent);
		const [s1, s2, profile] = questionnaire.sections;
		const [q1, q2] = s1.questions;
		const token = await startResponse({ db, submissionsPerHour: LIMIT }, consultation, null, {
			clientAddress: '1.2.3.4'
		});

		const missing = await saveSection(
			db,
			consultation,
			questionnaire,
			token,
			s1,
			formOf({}),
			new Set(),
			true
		);
		expect(missing.errors[q1.id]).toMatch(/obligatoire/);

		const saved = await saveSection(
			db,
			consultation,
			questionnaire,
			token,
			s1,
			formOf({
				[fieldName(q1)]: String(q1.options[0].id),
				[fieldName(q2)]: String(q2.options[1].id)
			}),
			new Set(),
			true
		);
		expect(saved.errors).toEqual({});
		expect(stepsOf(questionnaire, saved.answersSoFar).map((s) => s.id)).toEqual([
			s1.id,
			s2.id,
			profile.id
		]);

		const resumeCode = await createResumeCode(db, consultation, token);
		expect(
			firstUnansweredStep(questionnaire, (await getDraft(db, consultation, token))!.answers)
		).toBe(2);
		const otherDevice = await resumeWithCode(db, consultation, resumeCode.toLowerCase(), '5.6.7.8');
		// One draft, reachable from both devices, as the page promises.
		const onFirstDevice = await getDraft(db, consultation, token);
		const draft = await getDraft(db, consultation, otherDevice);
		expect(onFirstDevice?.responseId).toBe(draft?.responseId);
		expect(draft?.answers[q2.id]).toEqual({ options: [q2.options[1].id] });
		await expect(resumeWithCode(db, consultation, 'ZZZZ-ZZZZ', '5.6.7.8')).rejects.toThrow(
			InvalidInputError
		);

		const [, q5] = s2.questions;
		await saveSection(
			db,
			consultation,
			questionnaire,
			otherDevice,
			s2,
			formOf({ [fieldName(q5)]: 'Un bus le samedi matin vers la MDS' }),
			new Set(),
			true
		);
		await saveSection(
			db,
			consultation,
			questionnaire,
			otherDevice,
			profile,
			formOf({ [fieldName(profile.questions[0])]: VENDOME }),
			new Set([VENDOME]),
			true
		);
		const first = await submitResponse(
			{ db, submissionsPerHour: LIMIT },
			consultation,
			questionnaire,
			otherDevice,
			null,
			'5.6.7.8'
		);
		const second = await submitResponse(
			{ db, submissionsPerHour: LIMIT },
			consultation,
			questionnaire,
			otherDevice,
			null,
			'5.6.7.8'
		);
		expect(first.ok && first.receiptCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
		expect(second).toEqual(first);
		const responses = await db.selectFrom('response').selectAll().execute();
		expect(responses).toHaveLength(1);
		expect(responses[0].status).toBe('envoyee');
		expect(responses[0].draft).toBeNull();
		const contributions = await db.selectFrom('contribution').selectAll().execute();
		expect(contributions).toMatchObject([
			{
				source: 'consultation',
				text: 'Un bus le samedi matin vers la MDS',
				commune_insee_code: VENDOME
			}
		]);
		expect(contributions[0].territory_id).not.toBeNull();
	});

	it('turns away hidden answers, the wrong people and used invitation codes', async () => {
		const { db, agent } = await setUpConsultations();
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent, {
			access: 'code',
			slug: 'sur-code'
		});
		await expect(
			startResponse({ db, submissionsPerHour: LIMIT }, consultation, null, {
				clientAddress: 'x',
				invitationCode: 'AAAA-AAAA'
			})
		).rejects.toThrow(/pas reconnu/);
		const batch = await generateInvitationCodes(db, agent, consultation.id, 3);
		const [{ code }] = await codesOfBatch(db, agent, consultation.id, batch);
		const token = await startResponse({ db, submissionsPerHour: LIMIT }, consultation, null, {
			clientAddress: 'x',
			invitationCode: code
		});
		const [q1, q2] = questionnaire.sections[0].questions;
		// Q2 answered, then Q1 changed to « Non »: Q2's answer must not be kept.
		await saveSection(
			db,
			consultation,
			questionnaire,
			token,
			questionnaire.sections[0],
			formOf({
				[fieldName(q1)]: String(q1.options[1].id),
				[fieldName(q2)]: String(q2.options[0].id)
			}),
			new Set(),
			true
		);
		const outcome = await submitResponse(
			{ db, submissionsPerHour: LIMIT },
			consultation,
			questionnaire,
			token,
			null,
			'x'
		);
		expect(outcome.ok).toBe(true);
		expect(
			await db.selectFrom('answer').where('question_id', '=', q2.id).selectAll().execute()
		).toEqual([]);
		await expect(
			startResponse({ db, submissionsPerHour: LIMIT }, consultation, null, {
				clientAddress: 'x',
				invitationCode: code
			})
		).rejects.toThrow(ConflictError);

		const staffOnly = await buildSampleConsultation(db, agent, {
			access: 'agents',
			slug: 'agents'
		});
		await expect(
			startResponse({ db, submissionsPerHour: LIMIT }, staffOnly.consultation, null, {
				clientAddress: 'x'
			})
		).rejects.toThrow(ForbiddenError);
	});

	it('lets a member answer a members-only consultation once, without linking the answers to the account', async () => {
		const { db, agent } = await setUpConsultations();
		const member = await createTestUser(db, 'membre');
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent, {
			access: 'membres',
			slug: 'panel'
		});
		const token = await startResponse(
			{ db, submissionsPerHour: LIMIT },
			consultation,
			member.actor,
			{ clientAddress: 'm' }
		);
		const q1 = questionnaire.sections[0].questions[0];
		await saveSection(
			db,
			consultation,
			questionnaire,
			token,
			questionnaire.sections[0],
			formOf({ [fieldName(q1)]: String(q1.options[1].id) }),
			new Set(),
			true
		);
		await submitResponse(
			{ db, submissionsPerHour: LIMIT },
			consultation,
			questionnaire,
			token,
			member.actor,
			'm'
		);
		const response = await db.selectFrom('response').selectAll().executeTakeFirstOrThrow();
		expect(response.respondent_user_id).toBeNull();
		await expect(
			startResponse({ db, submissionsPerHour: LIMIT }, consultation, member.actor, {
				clientAddress: 'm'
			})
		).rejects.toThrow(/déjà répondu/);
	});
});

describe('entry by agents', () => {
	it('records channel, agent and interview place, once per form', async () => {
		const { db, agent } = await setUpConsultations();
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent);
		const q1 = questionnaire.sections[0].questions[0];
		const form = {
			channel: 'terrain',
			submissionKey: 'abcdefabcdefabcdef12',
			interviewPlace: 'Marché couvert',
			interviewCommune: VENDOME,
			interviewDate: '2023-08-30',
			[fieldName(q1)]: String(q1.options[0].id)
		};
		const communes = new Set([VENDOME]);
		const first = await enterResponse(
			db,
			agent,
			consultation,
			questionnaire,
			formOf(form),
			communes
		);
		const again = await enterResponse(
			db,
			agent,
			consultation,
			questionnaire,
			formOf(form),
			communes
		);
		expect(first.ok && again.ok && again.duplicate).toBe(true);
		const rows = await db.selectFrom('response').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			channel: 'terrain',
			entered_by_label: 'Agnès Agent',
			interview_place: 'Marché couvert',
			interview_commune_insee_code: VENDOME
		});
		expect(rows[0].territory_id).not.toBeNull();

		const missing = await enterResponse(
			db,
			agent,
			consultation,
			questionnaire,
			formOf({ channel: 'terrain', submissionKey: 'x'.repeat(20) }),
			communes
		);
		expect(missing.ok).toBe(false);
		if (!missing.ok) {
			expect(missing.metaErrors.interviewPlace).toMatch(/lieu/);
			expect(missing.errors[q1.id]).toMatch(/obligatoire/);
		}
		const habitant = await createTestUser(db, 'habitant');
		await expect(
			enterResponse(db, habitant.actor, consultation, questionnaire, formOf(form), communes)
		).rejects.toThrow(ForbiddenError);
	});
});

async function enter(
	db: Awaited<ReturnType<typeof setUpConsultations>>['db'],
	agent: Awaited<ReturnType<typeof setUpConsultations>>['agent'],
	sample: Awaited<ReturnType<typeof buildSampleConsultation>>,
	values: Record<string, string | string[]>,
	channel = 'telephone'
) {
	const outcome = await enterResponse(
		db,
		agent,
		sample.consultation,
		sample.questionnaire,
		formOf({ channel, submissionKey: crypto.randomUUID().replaceAll('-', ''), ...values }),
		new Set([BLOIS, VENDOME])
	);
	if (!outcome.ok) throw new Error(JSON.stringify(outcome));
}

describe('results', () => {
	it('counts, percentages, scale means and medians, ranking scores, filters and breakdowns', async () => {
		const { db, agent } = await setUpConsultations();
		const sample = await buildSampleConsultation(db, agent);
		const [s1, s2, profile] = sample.questionnaire.sections;
		const [q1, q2, q3] = s1.questions;
		const [q4, q5, q6] = s2.questions;
		const commune = profile.questions[0];
		const [yes, no] = q1.options;
		const rank = (order: number[]) =>
			Object.fromEntries(
				order.map((optionIndex, i) => [
					rankFieldName(q4, q4.options[optionIndex].id),
					String(i + 1)
				])
			);
		await enter(db, agent, sample, {
			[fieldName(q1)]: String(yes.id),
			[fieldName(q2)]: [String(q2.options[0].id), String(q2.options[1].id)],
			[fieldName(q3)]: '5',
			...rank([0, 1, 2]),
			[fieldName(q5)]: 'Des bus plus fréquents',
			[fieldName(q6)]: '10',
			[fieldName(commune)]: BLOIS
		});
		await enter(db, agent, sample, {
			[fieldName(q1)]: String(yes.id),
			[fieldName(q2)]: [String(q2.options[0].id)],
			[fieldName(q3)]: '3',
			...rank([1, 0]),
			[fieldName(q6)]: '20',
			[fieldName(commune)]: VENDOME
		});
		await enter(
			db,
			agent,
			sample,
			{ [fieldName(q1)]: String(no.id), [fieldName(q3)]: '4', [fieldName(q6)]: '40' },
			'papier'
		);

		const results = await computeResults(db, sample.questionnaire);
		expect(results.total).toBe(3);
		const byId = new Map(results.questions.map((r) => [r.question.id, r]));
		expect(byId.get(q1.id)!.counts.map((c) => [c.label, c.count, c.percent])).toEqual([
			['Oui', 2, 66.7],
			['Non', 1, 33.3]
		]);
		const services = byId.get(q2.id)!;
		expect(services.respondents).toBe(2);
		expect(services.counts.map((c) => c.percent)).toEqual([100, 50, 0, 0]);
		expect(byId.get(q3.id)!.mean).toBe(4);
		expect(byId.get(q3.id)!.median).toBe(4);
		expect(byId.get(q6.id)!).toMatchObject({ mean: 23.33, median: 20, min: '10', max: '40' });
		// Borda: 3 points for a first place, 2 for a second, 1 for a third.
		const ranking = byId.get(q4.id)!.ranking;
		expect(ranking.map((r) => [r.label, r.score, r.firstChoices])).toEqual([
			['Mobilité', 2.5, 1],
			['Numérique', 2.5, 1],
			['Logement', 0.5, 0]
		]);
		// The commune question counts communes, not their territories.
		expect(byId.get(commune.id)!.counts.map((c) => [c.key, c.label, c.count])).toEqual([
			[BLOIS, 'Blois', 1],
			[VENDOME, 'Vendôme', 1]
		]);
		// In public, communes under the threshold are counted together before protection.
		const grouped = groupSmallCommunes(results, 5).questions.find(
			(r) => r.question.id === commune.id
		)!;
		expect(grouped.counts.map((c) => [c.key, c.count])).toEqual([['autres', 2]]);
		expect(
			groupSmallCommunes(results, 1).questions.find((r) => r.question.id === commune.id)!.counts
		).toHaveLength(2);

		const phoneOnly = await computeResults(db, sample.questionnaire, { channel: 'papier' });
		expect(phoneOnly.total).toBe(1);
		const nord = await computeResults(db, sample.questionnaire, { territory: 'nord' });
		expect(nord.total).toBe(1);
		expect(nord.questions.find((r) => r.question.id === q3.id)!.mean).toBe(3);

		const breakdown = await computeBreakdown(db, sample.questionnaire, 'canal');
		expect(breakdown.columns.map((c) => [c.key, c.respondents])).toEqual([
			['telephone', 2],
			['papier', 1]
		]);
		expect(breakdown.cells.get(q1.id)!.get(String(yes.id))!.get('telephone')).toBe(2);

		// The counts kept at submission are those made again from the answers,
		// by the app and by the migration that counted the responses before it.
		const tallies = async () => ({
			responses: await db
				.selectFrom('response_tally')
				.selectAll()
				.orderBy('territory_id')
				.orderBy('channel')
				.orderBy('audience')
				.orderBy('age_band')
				.execute(),
			answers: await db
				.selectFrom('answer_tally')
				.selectAll()
				.orderBy('question_id')
				.orderBy('option_id')
				.orderBy('value_key')
				.orderBy('territory_id')
				.orderBy('channel')
				.execute()
		});
		const kept = await tallies();
		expect(kept.responses.map((r) => Number(r.n)).reduce((a, b) => a + b)).toBe(3);
		await recountConsultation(db, sample.consultation.id);
		expect(await tallies()).toEqual(kept);
		const migration = migrations['20261206T0900_result_tallies'];
		await migration.down!(db);
		await migration.up(db);
		expect(await tallies()).toEqual(kept);
		expect(await computeResults(db, sample.questionnaire)).toEqual(results);

		const texts = await listFreeTexts(db, agent, sample.questionnaire, {
			search: 'BUS',
			limit: 10,
			offset: 0
		});
		expect(texts.items.map((t) => t.text)).toEqual(['Des bus plus fréquents']);
	});

	it('exports one row per response with a codebook, as CSV with BOM and as XLSX; personal data only when allowed', async () => {
		const { db, agent, admin } = await setUpConsultations();
		const sample = await buildSampleConsultation(db, agent);
		const [q1, q2] = sample.questionnaire.sections[0].questions;
		await enter(db, agent, sample, {
			[fieldName(q1)]: String(q1.options[0].id),
			[fieldName(q2)]: [String(q2.options[3].id)],
			[otherFieldName(q2)]: 'Permanence; « CAF »'
		});
		const table = await buildExport(db, agent, sample.consultation.id, { personal: false });
		const csv = toCsv(table);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const [header, row] = parse(csv.slice(1), { delimiter: ';' }) as string[][];
		expect(header).not.toContain('saisi_par');
		const cell = (name: string) => row[header.indexOf(name)];
		expect(cell('canal')).toBe('Téléphone');
		expect(cell('Q1')).toBe('Oui');
		expect([cell('Q2_1'), cell('Q2_4'), cell('Q2_autre')]).toEqual([
			'0',
			'1',
			'Permanence; « CAF »'
		]);
		expect(cell('Q3')).toBe('');
		const codebook = parse(codebookCsv(table).slice(1), { delimiter: ';', columns: true }) as {
			colonne: string;
			question: string;
		}[];
		expect(codebook.find((c) => c.colonne === 'Q2_4')!.question).toMatch(/^Q2\. Quels services/);

		await expect(
			buildExport(db, agent, sample.consultation.id, { personal: true })
		).rejects.toThrow(ForbiddenError);
		const personal = await buildExport(db, admin, sample.consultation.id, { personal: true });
		expect(personal.columns.map((c) => c.name)).toContain('saisi_par');

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx(table)) as never);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Réponses', 'Dictionnaire']);
		const sheet = workbook.getWorksheet('Réponses')!;
		expect(sheet.rowCount).toBe(2);
		const xlsxCell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1);
		// Typed cells: a date a spreadsheet can sort and count, numbers as numbers.
		expect(xlsxCell('date_envoi_heure_de_paris').value).toBeInstanceOf(Date);
		expect(xlsxCell('date_envoi_heure_de_paris').numFmt).toBe('dd/mm/yyyy hh:mm');
		expect(
			(xlsxCell('date_envoi_heure_de_paris').value as Date)
				.toISOString()
				.slice(0, 16)
				.replace('T', ' ')
		).toBe(cell('date_envoi_heure_de_paris'));
		expect(xlsxCell('Q2_4').value).toBe(1);
		expect(xlsxCell('reponse').value).toBe(1);
	});
});

describe('builder', () => {
	it('locks the structure once answers exist but lets wording be corrected', async () => {
		const { db, agent } = await setUpConsultations();
		const sample = await buildSampleConsultation(db, agent);
		const q1 = sample.questionnaire.sections[0].questions[0];
		const q3 = sample.questionnaire.sections[0].questions[2];
		await enter(db, agent, sample, { [fieldName(q1)]: String(q1.options[0].id) });
		await expect(
			addQuestion(
				db,
				agent,
				sample.consultation.id,
				sample.questionnaire.sections[0].id,
				questionInput({ kind: 'texte_court', label: 'Nouvelle question' })
			)
		).rejects.toThrow(/seules les formulations/);
		// Every change of structure is refused, inside its transaction, and leaves it as it was.
		const id = sample.consultation.id;
		const section = sample.questionnaire.sections[0].id;
		const before = await loadQuestionnaire(db, id);
		for (const change of [
			() => addSection(db, agent, id, { title: 'Encore', description: '' }),
			() => moveSection(db, agent, id, section, 'down'),
			() => deleteQuestion(db, agent, id, q3.id),
			() => moveQuestion(db, agent, id, q3.id, 'up'),
			() => duplicateQuestion(db, agent, id, q3.id),
			() => duplicateSection(db, agent, id, section)
		])
			await expect(change()).rejects.toThrow(/seules les formulations/);
		expect(await loadQuestionnaire(db, id)).toEqual(before);
		const { input } = await getQuestion(db, agent, sample.consultation.id, q3.id);
		await expect(
			updateQuestion(db, agent, sample.consultation.id, q3.id, { ...input, scaleMax: 10 })
		).rejects.toThrow(ConflictError);
		await updateQuestion(db, agent, sample.consultation.id, q3.id, {
			...input,
			label: 'Êtes-vous satisfait·e de l’accueil reçu ?'
		});
		const after = await loadQuestionnaire(db, sample.consultation.id);
		expect(after.sections[0].questions[2].label).toBe('Êtes-vous satisfait·e de l’accueil reçu ?');
		await expect(changeLifecycle(db, agent, sample.consultation.id, 'unpublish')).rejects.toThrow(
			ConflictError
		);
	});

	it('duplicates a whole consultation with its conditions pointing at the copies', async () => {
		const { db, agent } = await setUpConsultations();
		const sample = await buildSampleConsultation(db, agent);
		const copyId = await duplicateConsultation(db, agent, sample.consultation.id);
		const copy = await loadQuestionnaire(db, copyId);
		const [c1, c2] = copy.sections[0].questions;
		expect(allQuestions(copy).map((q) => q.label)).toEqual(
			allQuestions(sample.questionnaire).map((q) => q.label)
		);
		expect(c2.condition).toEqual({ questionId: c1.id, optionIds: [c1.options[0].id] });
		expect(allQuestions(copy).filter((q) => q.profileKey).length).toBe(4);
	});

	it('refuses conditions on later questions and permission-less builders', async () => {
		const { db, agent } = await setUpConsultations();
		const sample = await buildSampleConsultation(db, agent, { slug: 'autre' });
		const pilote = await createTestUser(db, 'pilote');
		const q3 = sample.questionnaire.sections[0].questions[2];
		await expect(
			addQuestion(
				db,
				agent,
				sample.consultation.id,
				sample.questionnaire.sections[0].id,
				questionInput({
					kind: 'texte_court',
					label: 'Précisez',
					conditionQuestionId: String(q3.id),
					conditionOptionIds: ['1']
				})
			)
		).rejects.toThrow(InvalidInputError);
		await expect(
			addQuestion(
				db,
				pilote.actor,
				sample.consultation.id,
				sample.questionnaire.sections[0].id,
				questionInput({ kind: 'texte_court', label: 'Une question' })
			)
		).rejects.toThrow(ForbiddenError);
	});
});
