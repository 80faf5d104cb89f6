import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer, type Mailer } from '../mail/mailer';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { loadReferenceData } from '../reference/seed';
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { ForbiddenError } from '../errors';
import {
	confirmPanelEmail,
	leavePanel,
	ownRegistration,
	signUpForPanel,
	withdrawSituation
} from './signup';
import {
	getPersonDetail,
	listPanel,
	registerPersonByOfficer,
	updatePersonStatus
} from './registry';
import { readPersonForm, signupSchema, type SignupInput } from './schemas';
import {
	createDraw,
	DrawConfirmationNeeded,
	drawPanel,
	drawReplacements,
	getDraw,
	proposeQuotas,
	recordDrawAnswer
} from './draws';
import { representation, saveTargets } from './representation';

const ORIGIN = 'https://participation.exemple.fr';
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const BLOIS = '41018';
const VENDOME = '41269';
const ROMORANTIN = '41194';

function signup(overrides: Partial<SignupInput> = {}): SignupInput {
	return {
		firstName: 'Awa',
		lastName: 'Diallo',
		email: '',
		phone: '02 54 00 00 00',
		postalAddress: '',
		communeCode: BLOIS,
		ageBand: '25-39',
		gender: 'Femme',
		situations: [],
		situationConsent: false,
		availability: ['samedi'],
		needs: ['garde'],
		needsDetail: '',
		consent: true,
		...overrides
	};
}

async function setup(): Promise<{ db: Db; agent: Actor }> {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	return { db, agent: (await createTestUser(db, 'agent')).actor };
}

const context = { origin: ORIGIN, clientAddress: '203.0.113.5', perHour: 1000 };
const contextFor = (db: Db, mailer: Mailer) =>
	createTestContext(db, { mailer, origin: context.origin, submissionsPerHour: context.perHour });

describe('joining and leaving the panel', () => {
	it('records consent per purpose, confirms the e-mail and erases the person who leaves', async () => {
		const { db, agent } = await setup();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		const outcome = await signUpForPanel(
			contextFor(db, mailer),
			signup({ email: 'awa@exemple.fr', situations: ['rsa', 'ase'], situationConsent: true }),
			context.clientAddress
		);
		expect(outcome.needsConfirmation).toBe(true);
		const mail = await smtp.waitForMail('awa@exemple.fr', 10_000, /Confirmez/);
		const confirmLink = mail.text.match(/\/panel\/confirmation\/(\w+)/)![1];
		const manageLink = mail.text.match(/\/panel\/inscription\/(\w+)/)![1];
		// The link goes by mail only: the page shows the same thing for a known address.
		expect(outcome.manageToken).toBe('');
		expect(manageLink).toMatch(/^\w{20,}$/);

		await confirmPanelEmail(db, confirmLink);
		await expect(confirmPanelEmail(db, confirmLink)).rejects.toThrow(/plus valable/);
		const own = await ownRegistration(db, manageLink);
		expect(own.emailConfirmed).toBe(true);
		expect(own.situations).toEqual(['rsa', 'ase']);
		expect(own.consents.map((c) => [c.purpose, c.version])).toEqual([
			['panel', 'panel-2026-11'],
			['situation', 'panel-situation-2026-11']
		]);

		await withdrawSituation(db, manageLink);
		expect((await ownRegistration(db, manageLink)).situations).toEqual([]);

		const { people } = await listPanel(db, agent, { q: 'diallo' });
		expect(people).toHaveLength(1);
		await leavePanel(db, manageLink);
		await expect(ownRegistration(db, manageLink)).rejects.toThrow(/aucune inscription/);
		const left = await getPersonDetail(db, agent, people[0].id);
		expect(left).toMatchObject({
			name: '',
			email: null,
			phone: null,
			ageBand: null,
			status: 'parti'
		});
		expect(left.consents.every((c) => c.withdrawnAt !== null)).toBe(true);
		expect((await listPanel(db, agent, {})).total).toBe(0);
	});

	it('never tells whether an address is already on the panel', async () => {
		const { db } = await setup();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		const first = await signUpForPanel(
			contextFor(db, mailer),
			signup({ email: 'deja@exemple.fr' }),
			context.clientAddress
		);
		const again = await signUpForPanel(
			contextFor(db, mailer),
			signup({ email: 'deja@exemple.fr' }),
			context.clientAddress
		);
		expect(again).toEqual(first);
		await smtp.waitForMail('deja@exemple.fr', 10_000, /déjà inscrit/);
		expect((await db.selectFrom('person').select('id').execute()).length).toBe(1);
	});

	it('requires a way to be reached and a separate consent for the situation', () => {
		const values = {
			...signup({ phone: '', situations: ['rsa'] }),
			consent: false
		};
		const read = readPersonForm(signupSchema, values);
		expect(read.ok).toBe(false);
		if (!read.ok) {
			expect(read.errors.email).toMatch(/au moins un moyen/);
			expect(read.errors.situationConsent).toMatch(/Cochez/);
			expect(read.errors.consent).toMatch(/Cochez/);
		}
	});
});

describe('the panel registry and the draw', () => {
	async function panelOf(db: Db, agent: Actor) {
		const communes = [BLOIS, VENDOME, ROMORANTIN];
		for (let i = 0; i < 24; i++) {
			const id = await registerPersonByOfficer(db, agent, {
				...signup({
					firstName: `P${i}`,
					lastName: `Nom${i}`,
					communeCode: communes[i % 3],
					gender: i % 2 ? 'Homme' : 'Femme',
					ageBand: i % 4 === 0 ? '60-74' : '25-39',
					postalAddress: i < 2 ? '3 rue de la Paix, Blois' : `${i} avenue Wilson`
				}),
				source: 'terrain',
				consent: true
			});
			await updatePersonStatus(db, agent, id, {
				status: 'actif',
				mandateStart: '2026-01-01',
				mandateEnd: '2027-12-31'
			});
		}
	}

	it('keeps the registry to officers', async () => {
		const { db } = await setup();
		const pilote = (await createTestUser(db, 'pilote')).actor;
		await expect(listPanel(db, pilote, {})).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listPanel(db, null, {})).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('compares the panel with the population and the targets', async () => {
		const { db, agent } = await setup();
		await panelOf(db, agent);
		await saveTargets(db, agent, 'genre', { Femme: 52, Homme: 48 });
		const { total, tables } = await representation(db, agent, ['territoire', 'genre']);
		expect(total).toBe(24);
		const gender = tables.find((t) => t.criterion === 'genre')!;
		expect(gender.rows.find((r) => r.value === 'Femme')).toMatchObject({
			count: 12,
			share: 0.5,
			target: 0.52
		});
		const territory = tables.find((t) => t.criterion === 'territoire')!;
		const sum = territory.rows.reduce((s, r) => s + (r.target ?? 0), 0);
		expect(sum).toBeCloseTo(1, 6);
	});

	it('refuses at once seats or quotas the pool cannot fill, and asks to confirm 0 % and 100 %', async () => {
		const { db, agent } = await setup();
		await panelOf(db, agent);
		const base = {
			title: 'Essai',
			purpose: '',
			householdRule: false,
			filters: { status: 'actif' as const },
			seed: '41'
		};
		await expect(createDraw(db, agent, { ...base, size: 25, quotas: [] })).rejects.toMatchObject({
			conflicts: [
				'25 sièges pour 24 volontaires : il faut au moins autant de volontaires que de sièges.'
			]
		});
		const proposal = await proposeQuotas(db, agent, { status: 'actif' }, ['genre'], 6);
		const genders = proposal.quotas[0].values;
		const few = genders.reduce((a, b) => (a.pool <= b.pool ? a : b));
		const tooMany = genders.map((v) => ({
			criterion: 'genre',
			value: v.value,
			min: v === few ? few.pool + 1 : 0,
			max: 30
		}));
		await expect(
			createDraw(db, agent, { ...base, size: 6, quotas: tooMany })
		).rejects.toMatchObject({
			conflicts: expect.arrayContaining([
				`« Genre = ${few.value} » : au moins ${few.pool + 1} demandés, mais ${few.pool} volontaires seulement.`
			])
		});
		// Everyone of the smallest group must be drawn, nobody of another can be: warned, then confirmed.
		const extreme = genders.map((v) => ({
			criterion: 'genre',
			value: v.value,
			min: v === few ? few.pool : 0,
			max: v === few ? few.pool : 0
		}));
		const size = few.pool;
		let warnings: string[] = [];
		await createDraw(db, agent, { ...base, size, quotas: extreme }).catch((caught) => {
			expect(caught).toBeInstanceOf(DrawConfirmationNeeded);
			warnings = caught.warnings;
		});
		expect(warnings.join(' ')).toContain(`« Genre = ${few.value} » demande au moins`);
		expect(warnings.join(' ')).toMatch(/à 0 % : « Genre = .+ » n’a aucun siège/);
		expect(await db.selectFrom('draw').select('id').execute()).toHaveLength(0);
		const id = await createDraw(db, agent, {
			...base,
			size,
			quotas: extreme,
			confirmExtremes: true
		});
		const draw = await getDraw(db, agent, id);
		expect(draw.chances.warnings).toEqual(warnings);
		expect(draw.chances.publicReasons.join(' ')).not.toMatch(/\d/);
	});

	it('draws a panel within quotas, audits it, and replaces those who decline', async () => {
		const { db, agent } = await setup();
		await panelOf(db, agent);
		const proposal = await proposeQuotas(db, agent, { status: 'actif' }, ['genre', 'age'], 6);
		expect(proposal.pool).toBe(24);
		const quotas = proposal.quotas.flatMap((q) =>
			q.values.map((v) => ({ criterion: q.criterion, value: v.value, min: v.min, max: v.max }))
		);
		const drawId = await createDraw(db, agent, {
			title: 'Groupe ressource 2027',
			purpose: '',
			size: 6,
			householdRule: true,
			filters: { status: 'actif' },
			quotas,
			seed: '4141'
		});
		const prepared = await getDraw(db, agent, drawId);
		expect(prepared.panels).toHaveLength(1000);
		expect(prepared.minProbability).toBeCloseTo(0.25, 6);
		for (const panel of prepared.panels.slice(0, 50)) expect(panel).toHaveLength(6);

		const ticket = await drawPanel(db, agent, drawId, 17);
		expect(ticket).toBe(17);
		await expect(drawPanel(db, agent, drawId, 18)).rejects.toThrow(/déjà eu lieu/);
		const drawn = await getDraw(db, agent, drawId);
		const selected = drawn.candidates.filter((c) => c.selected);
		expect(selected.map((c) => c.pseudonym).sort()).toEqual([...prepared.panels[16]].sort());
		for (const quota of drawn.quotas) {
			expect(quota.selected).toBeGreaterThanOrEqual(quota.min);
			expect(quota.selected).toBeLessThanOrEqual(quota.max);
		}
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'after'])
			.where('entity_type', '=', 'draw')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['panel.draw.prepare', 'panel.draw.draw']);
		expect(audit[0].after).toContain(prepared.inputsHash);

		const decliner = selected[0];
		await recordDrawAnswer(db, agent, drawId, decliner.pseudonym, 'decline');
		const replacementId = await drawReplacements(db, agent, drawId);
		await drawPanel(db, agent, replacementId, null);
		const replacement = await getDraw(db, agent, replacementId);
		const newcomer = replacement.candidates.find((c) => c.selected)!;
		expect(
			replacement.candidates.some((c) => selected.some((s) => s.pseudonym === c.pseudonym))
		).toBe(false);
		for (const criterion of ['genre', 'age']) {
			expect(newcomer.profile[criterion]).toBe(decliner.profile[criterion]);
		}
		const history = await getPersonDetail(db, agent, newcomer.personId!);
		expect(history.history.draws.map((d) => d.title)).toEqual([
			'Groupe ressource 2027 — remplacements'
		]);
	});

	it('ranks alternates with the panel, and calls them, in order, within every quota', async () => {
		const { db, agent } = await setup();
		await panelOf(db, agent);
		const proposal = await proposeQuotas(db, agent, { status: 'actif' }, ['genre', 'age'], 6);
		const quotas = proposal.quotas.flatMap((q) =>
			q.values.map((v) => ({ criterion: q.criterion, value: v.value, min: v.min, max: v.max }))
		);
		const drawId = await createDraw(db, agent, {
			title: 'Groupe avec suppléants',
			purpose: '',
			size: 6,
			householdRule: true,
			filters: { status: 'actif' },
			quotas,
			seed: '4242',
			objective: 'nash',
			alternates: 6
		});
		const prepared = await getDraw(db, agent, drawId);
		expect(prepared.objective).toBe('nash');
		expect(prepared.algorithm).toBe('nash-highs-v1');
		expect(prepared.comparison?.map((c) => c.objective)).toEqual(['leximin', 'nash', 'maximin']);
		expect(prepared.candidates.every((c) => c.alternateRank === null)).toBe(true);

		await drawPanel(db, agent, drawId, 5);
		const drawn = await getDraw(db, agent, drawId);
		const alternates = drawn.candidates
			.filter((c) => c.alternateRank !== null)
			.sort((a, b) => a.alternateRank! - b.alternateRank!);
		expect(alternates.map((a) => a.alternateRank)).toEqual(alternates.map((_, i) => i + 1));
		expect(alternates.length).toBeGreaterThan(0);
		expect(alternates.every((a) => !a.selected)).toBe(true);
		expect(drawn.guaranteedDeclines).not.toBeNull();

		// Someone whose profile has an alternate of its own declines: that alternate takes the seat.
		const selected = drawn.candidates.filter((c) => c.selected);
		const key = (c: (typeof selected)[number]) => `${c.profile.genre}|${c.profile.age}`;
		const decliner = selected.find((c) =>
			alternates.some((a) => a.alternateSameProfile && key(a) === key(c))
		)!;
		const expected = alternates.find((a) => a.alternateSameProfile && key(a) === key(decliner))!;
		await recordDrawAnswer(db, agent, drawId, decliner.pseudonym, 'decline');
		expect(await drawReplacements(db, agent, drawId)).toBe(drawId);
		const after = await getDraw(db, agent, drawId);
		const newcomer = after.candidates.find((c) => c.pseudonym === expected.pseudonym)!;
		expect(newcomer).toMatchObject({ selected: true, replaces: decliner.pseudonym });
		for (const quota of after.quotas) {
			const held = after.candidates.filter(
				(c) => c.selected && c.answer !== 'decline' && c.profile[quota.criterion] === quota.value
			).length;
			expect(held).toBeGreaterThanOrEqual(quota.min);
			expect(held).toBeLessThanOrEqual(quota.max);
		}
		await expect(drawReplacements(db, agent, drawId)).rejects.toThrow(/rien à remplacer/);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'draw')
			.where('entity_id', '=', String(drawId))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'panel.draw.prepare',
			'panel.draw.draw',
			'panel.draw.answer',
			'panel.draw.alternate'
		]);
	});

	it('keeps a draw whole when two officers draw, or ask for replacements, at once', async () => {
		const db = await createTestDatabase({ poolSize: 10 });
		await loadReferenceData(db);
		const agent = (await createTestUser(db, 'agent')).actor;
		const other = (await createTestUser(db, 'agent')).actor;
		await panelOf(db, agent);
		const drawId = await createDraw(db, agent, {
			title: 'Atelier mobilité',
			purpose: '',
			size: 6,
			householdRule: false,
			filters: { status: 'actif' },
			quotas: [],
			seed: '2027'
		});
		const attempts = await Promise.allSettled([
			drawPanel(db, agent, drawId, 3),
			drawPanel(db, other, drawId, 700)
		]);
		const won = attempts.filter((a) => a.status === 'fulfilled');
		expect(won).toHaveLength(1);
		expect(attempts.find((a) => a.status === 'rejected')?.reason.message).toMatch(/déjà eu lieu/);
		const drawn = await getDraw(db, agent, drawId);
		const selected = drawn.candidates.filter((c) => c.selected);
		expect(selected.map((c) => c.pseudonym).sort()).toEqual(
			[...drawn.panels[(won[0] as PromiseFulfilledResult<number>).value - 1]].sort()
		);

		await recordDrawAnswer(db, agent, drawId, selected[0].pseudonym, 'decline');
		const replacements = await Promise.allSettled([
			drawReplacements(db, agent, drawId),
			drawReplacements(db, other, drawId)
		]);
		expect(replacements.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(replacements.find((r) => r.status === 'rejected')?.reason.message).toMatch(
			/déjà été tirés/
		);
		const children = await db
			.selectFrom('draw')
			.select('id')
			.where('parent_draw_id', '=', drawId)
			.execute();
		expect(children).toHaveLength(1);
	});
});
