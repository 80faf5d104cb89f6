import { describe, expect, it } from 'vitest';
import { fieldName } from './answers';
import { createTestUser } from '../testing';
import { ForbiddenError } from '../errors';
import { enterResponse } from './entry';
import { loadResultsPage } from './results-page';
import { computeBreakdown, computeResults } from './results';
import { buildSampleConsultation, formOf, setUpConsultations } from './testing';
import { DIMENSIONS } from '$lib/consultation-vocabulary';
import type { Figure } from '$lib/disclosure';

const BLOIS = '41018'; // centre
const VENDOME = '41269'; // nord
const ROMORANTIN = '41194'; // sud
const T = 5;

async function setUp() {
	const { db, agent } = await setUpConsultations();
	const sample = await buildSampleConsultation(db, agent);
	const [q1, q2, q3] = sample.questionnaire.sections[0].questions;
	const profile = sample.questionnaire.sections[2].questions;
	const commune = profile.find((q) => q.profileKey === 'commune')!;
	const situation = profile.find((q) => q.profileKey === 'situation')!;
	const carer = situation.options.find((o) => o.label.startsWith('Aidant'))!;
	const [yes, no] = q1.options;
	const answer = async (
		place: string,
		knows: boolean,
		satisfaction: number,
		options: { carer?: boolean; channel?: string } = {}
	) => {
		const outcome = await enterResponse(
			db,
			agent,
			sample.consultation,
			sample.questionnaire,
			formOf({
				channel: options.channel ?? 'telephone',
				submissionKey: crypto.randomUUID().replaceAll('-', ''),
				[fieldName(q1)]: String(knows ? yes.id : no.id),
				...(knows ? { [fieldName(q2)]: [String(q2.options[0].id)] } : {}),
				[fieldName(q3)]: String(satisfaction),
				[fieldName(commune)]: place,
				...(options.carer ? { [fieldName(situation)]: [String(carer.id)] } : {})
			}),
			new Set([BLOIS, VENDOME, ROMORANTIN])
		);
		if (!outcome.ok) throw new Error(JSON.stringify(outcome));
	};
	// Centre: 10 people, one of whom does not know the MDS and one carer.
	for (let i = 0; i < 10; i++) await answer(BLOIS, i !== 0, 4, { carer: i === 1 });
	// Nord: 6 people.
	for (let i = 0; i < 6; i++) await answer(VENDOME, true, i < 3 ? 5 : 3);
	// Sud: 2 people, one on paper, one carer who does not know the MDS.
	await answer(ROMORANTIN, false, 1, { carer: true, channel: 'papier' });
	await answer(ROMORANTIN, true, 2);
	const url = (query: string) => new URL(`http://x/resultats?${query}`);
	const page = (query: string) =>
		loadResultsPage(db, sample.questionnaire, url(query), { threshold: T });
	const exactPage = (query: string) =>
		loadResultsPage(db, sample.questionnaire, url(query), { actor: agent });
	return { db, sample, q1, q3, situation, page, exactPage };
}

/** Every number a public view prints. */
function printedFigures(view: Awaited<ReturnType<typeof loadResultsPage>>): number[] {
	const out: Figure[] = [view.total];
	for (const q of view.questions) {
		out.push(q.respondents, q.textCount, ...q.counts.map((c) => c.count));
	}
	if (view.breakdown) {
		out.push(...view.breakdown.columns.map((c) => c.respondents));
		for (const byValue of Object.values(view.breakdown.cells))
			for (const byColumn of Object.values(byValue)) out.push(...Object.values(byColumn));
	}
	return out.filter((f): f is number => typeof f === 'number');
}

describe('public results and statistical disclosure control', () => {
	it('officers keep exact figures; nobody else reads them', async () => {
		const { exactPage, q1, db, sample } = await setUp();
		const habitant = (await createTestUser(db, 'habitant')).actor;
		for (const actor of [null, habitant])
			await expect(
				loadResultsPage(db, sample.questionnaire, new URL('http://x/resultats'), { actor })
			).rejects.toBeInstanceOf(ForbiddenError);
		const exact = await exactPage('territoire=sud&canal=papier');
		expect(exact.total).toBe(1);
		expect(exact.withheld).toBeNull();
		const whole = await exactPage('');
		expect(
			whole.questions.find((r) => r.question.id === q1.id)!.counts.map((c) => c.count)
		).toEqual([16, 2]);
	});

	it('never prints a count of 1 to 4 in any view the public can open', async () => {
		const { page } = await setUp();
		const queries = [
			'',
			...DIMENSIONS.map((d) => `ventilation=${d}`),
			...['nord', 'centre', 'sud'].map((t) => `territoire=${t}`),
			...['telephone', 'papier'].map((c) => `canal=${c}`),
			'public=habitants',
			'age=25-39'
		];
		for (const query of queries) {
			const view = await page(query);
			for (const n of printedFigures(view))
				expect(n === 0 || n >= T, `${query || 'ensemble'} : ${n}`).toBe(true);
		}
	});

	it('a small group is « moins de 5 », and the subtraction from the total does not find it', async () => {
		const { page, q1 } = await setUp();
		const whole = await page('');
		const knows = whole.questions.find((r) => r.question.id === q1.id)!;
		// 16 yes, 2 no: hiding « non » alone would leave 18 − 16 = 2.
		expect(knows.respondents).toBe(18);
		expect(knows.counts.map((c) => c.count)).toEqual(['masked', 'small']);
		expect(knows.counts.map((c) => c.percent)).toEqual([null, null]);
	});

	it('a filter that leaves fewer than 5 people shows nothing, and says why', async () => {
		const { page } = await setUp();
		const sud = await page('territoire=sud');
		expect(sud.questions).toEqual([]);
		expect(sud.withheld).toContain('Moins de 5 personnes');
		// The nord has 6 people, but shown with the total it would give the sud's 2 away.
		const nord = await page('territoire=nord');
		expect(nord.withheld).toContain('permettrait d’en retrouver un plus petit');
		const centre = await page('territoire=centre');
		expect(centre.withheld).toBeNull();
		expect(centre.total).toBe(10);
	});

	it('does not let the public cross criteria', async () => {
		const { page } = await setUp();
		for (const query of [
			'territoire=centre&canal=telephone',
			'territoire=centre&ventilation=age'
		]) {
			const view = await page(query);
			expect(view.questions).toEqual([]);
			expect(view.withheld).toContain('un seul critère à la fois');
		}
	});

	it('the breakdown and the filtered view hide the same figures', async () => {
		const { page, sample } = await setUp();
		const breakdown = (await page('ventilation=territoire')).breakdown!;
		const centre = await page('territoire=centre');
		const centreKey = breakdown.columns.find((c) => /centre/i.test(c.label))!.key;
		for (const r of centre.questions) {
			const cells = breakdown.cells[r.question.id];
			if (!cells) continue;
			for (const c of r.counts) {
				const key = r.question.kind === 'echelle' ? `v${c.key}` : c.key;
				expect(
					cells[key],
					`Q${r.question.number} ${r.question.kind} ${key} ${JSON.stringify(cells)}`
				).toBeDefined();
				expect(c.count, `Q${r.question.number} ${c.label}`).toEqual(cells[key][centreKey]);
			}
		}
		// Every row of the breakdown whose total is printed hides none or at least two cells.
		const whole = await page('');
		for (const r of whole.questions) {
			const cells = breakdown.cells[r.question.id];
			if (!cells || r.withheld || Object.keys(cells).length === 0) continue;
			for (const c of r.counts) {
				if (typeof c.count !== 'number') continue;
				const key = r.question.kind === 'echelle' ? `v${c.key}` : c.key;
				const hidden = Object.values(cells[key]).filter((n) => typeof n !== 'number');
				expect(hidden.length, `Q${r.question.number} ${c.label}`).not.toBe(1);
			}
		}
		expect(sample.questionnaire.sections.length).toBe(3);
	});

	it('the carers of the sud are never counted in public', async () => {
		const { page, situation } = await setUp();
		for (const query of ['', 'territoire=centre', 'ventilation=territoire', 'canal=papier']) {
			const view = await page(query);
			const r = view.questions.find((q) => q.question.id === situation.id);
			for (const c of r?.counts ?? [])
				if (c.label.startsWith('Aidant'))
					expect(typeof c.count === 'number' ? c.count : 0).not.toBe(2);
			const cells = view.breakdown?.cells[situation.id];
			for (const byColumn of Object.values(cells ?? {}))
				for (const n of Object.values(byColumn))
					expect(n === 0 || typeof n !== 'number' || n >= T).toBe(true);
		}
	});

	it('counts each question’s respondents per column as the filtered results do', async () => {
		const { db, sample } = await setUp();
		const breakdown = await computeBreakdown(
			db,
			sample.questionnaire,
			'territoire',
			{},
			{ respondents: true }
		);
		const territories = await db.selectFrom('territory').select(['id', 'code']).execute();
		for (const { id, code } of territories) {
			const filtered = await computeResults(db, sample.questionnaire, { territory: code });
			for (const r of filtered.questions)
				expect(
					breakdown.respondents.get(r.question.id)?.get(String(id)) ?? 0,
					`Q${r.question.number} ${code}`
				).toBe(r.respondents);
		}
	});

	it('gives no mean of a scale when some of its counts are hidden (it would give them back)', async () => {
		const { page, q3 } = await setUp();
		for (const query of ['', 'territoire=centre', 'ventilation=territoire']) {
			const scale = (await page(query)).questions.find((r) => r.question.id === q3.id)!;
			const hidden = scale.counts.some((c) => typeof c.count !== 'number');
			expect(scale.mean === null, query).toBe(hidden || scale.withheld === true);
		}
	});

	it('hides the smallest and largest answers, one person’s each', async () => {
		const { page, sample } = await setUp();
		const whole = await page('');
		const number = whole.questions.find((r) => r.question.kind === 'nombre');
		expect(number?.min ?? null).toBeNull();
		expect(sample.questionnaire.consultationId).toBeGreaterThan(0);
	});
});
