import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createTestContext, createTestDatabase, createTestUser } from '../../testing';
import { loadReferenceData } from '../../reference/seed';
import type { Db } from '../../db/database';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../errors';
import { runRetention } from '../../privacy/retention';
import { fixedClock } from '../../context';
import { listPanel } from '../registry';
import type { PersonFields } from '../people';
import { generatedAddressCsv } from './generated-base';
import { departmentBaseCommunes, importAddressBase } from './bases';
import {
	campaignAllocation,
	campaignSummary,
	closeCampaign,
	createCampaign,
	type CampaignInput
} from './campaigns';
import {
	answerInvitationOnline,
	invitationForOfficer,
	openInvitation,
	recordAnswerByOfficer
} from './answers';
import { campaignLetters } from './letters';
import { parisDay } from '$lib/paris-time';
import { campaignRates } from './rates';

const DAY = 86_400_000;
const CLIENT = '203.0.113.9';

async function baseCsv(db: Db, total: number) {
	return generatedAddressCsv(await departmentBaseCommunes(db), total);
}

async function* chunksOf(bytes: Buffer, size = 64 * 1024) {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function setup() {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	const { actor } = await createTestUser(db, 'agent');
	return { db, agent: actor };
}

function campaign(overrides: Partial<CampaignInput> = {}): CampaignInput {
	return {
		title: 'Panel 2027',
		purpose: 'Renouveler le panel départemental',
		letters: 300,
		seed: '2027-01-15',
		oversampling: {},
		falc: false,
		reminderDays: 21,
		closesOn: parisDay(new Date(Date.now() + 60 * DAY)),
		...overrides
	};
}

const person = (communeCode: string, overrides: Partial<PersonFields> = {}): PersonFields => ({
	firstName: 'Lucie',
	lastName: 'Martin',
	email: '',
	phone: '02 54 11 22 33',
	postalAddress: '',
	communeCode,
	ageBand: '60-74',
	gender: 'Femme',
	situations: [],
	situationConsent: false,
	availability: [],
	needs: [],
	needsDetail: '',
	...overrides
});

async function invitationsOf(db: Db, campaignId: number) {
	return db
		.selectFrom('invitation')
		.selectAll()
		.where('campaign_id', '=', campaignId)
		.orderBy('id')
		.execute();
}

describe('invitations by lottery: the address base', () => {
	it('imports a BAN export, gzipped or not, fingerprinted by its CSV text, replacing the last', async () => {
		const { db, agent } = await setup();
		const csv = await baseCsv(db, 5000);
		const first = await importAddressBase(db, agent, chunksOf(Buffer.from(csv)), 'adresses-41.csv');
		expect(first.errors).toEqual([]);
		expect(first.base).toMatchObject({
			addressCount: 5000,
			rowsRead: 5000,
			sha256: createHash('sha256').update(csv).digest('hex')
		});
		const bad = `${csv}41018_9999_00001;;1;;;41000;41018;Blois;;\n`;
		const second = await importAddressBase(
			db,
			agent,
			chunksOf(gzipSync(Buffer.from(bad))),
			'adresses-41.csv.gz'
		);
		expect(second.base?.addressCount).toBe(5000);
		expect(second.base?.sha256).toBe(createHash('sha256').update(bad).digest('hex'));
		expect(second.errors).toEqual([{ line: 5002, message: 'Nom de la voie (nom_voie) manquant.' }]);
		const { count } = await db
			.selectFrom('address')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(Number(count)).toBe(5000);
		await expect(
			importAddressBase(db, agent, chunksOf(Buffer.from([0x1f, 0x8b, 1, 2, 3])), 'x.csv.gz')
		).rejects.toThrow(InvalidInputError);
		const { actor: pilote } = await createTestUser(db, 'pilote');
		await expect(
			importAddressBase(db, pilote, chunksOf(Buffer.from(csv)), 'x.csv')
		).rejects.toThrow(ForbiddenError);
	});
});

describe('invitations by lottery: a campaign', () => {
	it('draws letters per commune within one of the target, reproducibly from the base and the seed', async () => {
		const { db, agent } = await setup();
		const csv = Buffer.from(await baseCsv(db, 8000));
		await importAddressBase(db, agent, chunksOf(csv), 'base.csv');
		await expect(createCampaign(db, agent, campaign({ seed: ' ' }))).rejects.toThrow(
			'Indiquez la graine du tirage.'
		);
		await expect(
			createCampaign(db, agent, campaign({ closesOn: parisDay(new Date()) }))
		).rejects.toThrow(InvalidInputError);
		const id = await createCampaign(db, agent, campaign());
		const invitations = await invitationsOf(db, id);
		expect(invitations).toHaveLength(300);
		expect(new Set(invitations.map((i) => i.code)).size).toBe(300);
		expect(invitations.every((i) => /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/.test(i.code!))).toBe(
			true
		);
		const allocation = await campaignAllocation(db, id);
		expect(allocation.reduce((s, a) => s + a.letters, 0)).toBe(300);
		for (const a of allocation) {
			expect(Math.abs(a.letters - a.target)).toBeLessThan(1);
			expect(invitations.filter((i) => i.commune_insee_code === a.key)).toHaveLength(a.letters);
		}
		expect((await campaignSummary(db, id)).baseSha256).toBe(
			createHash('sha256').update(csv).digest('hex')
		);

		// Anyone with the same base and seed draws the same addresses.
		const other = await setup();
		await importAddressBase(other.db, other.agent, chunksOf(csv, 1000), 'copie.csv');
		const again = await createCampaign(other.db, other.agent, campaign());
		expect((await invitationsOf(other.db, again)).map((i) => i.ban_id)).toEqual(
			invitations.map((i) => i.ban_id)
		);
		const reseeded = await createCampaign(other.db, other.agent, campaign({ seed: 'autre' }));
		expect((await invitationsOf(other.db, reseeded)).map((i) => i.ban_id)).not.toEqual(
			invitations.map((i) => i.ban_id)
		);
	});

	it('takes answers on the web and from an agent, counts them, and erases addresses at the end', async () => {
		const { db, agent } = await setup();
		await importAddressBase(db, agent, chunksOf(Buffer.from(await baseCsv(db, 4000))), 'b.csv');
		const id = await createCampaign(db, agent, campaign({ letters: 40 }));
		const [a, b, c, d] = await invitationsOf(db, id);
		const ctx = createTestContext(db, { submissionsPerHour: 1000 });

		const opened = await openInvitation(db, a.code!.toLowerCase().replace('-', ' '), CLIENT);
		expect(opened).toMatchObject({ communeCode: a.commune_insee_code, answer: null, over: false });
		expect(opened.postalAddress).toContain(a.address_line);
		await expect(openInvitation(db, 'ZZZZ-ZZZZ', CLIENT)).rejects.toThrow(NotFoundError);
		await expect(openInvitation(db, 'court', CLIENT)).rejects.toThrow(InvalidInputError);

		const { manageToken } = await answerInvitationOnline(
			ctx,
			{ code: a.code!, answer: 'oui', person: person(a.commune_insee_code) },
			CLIENT
		);
		expect(manageToken).toBeTruthy();
		await expect(
			answerInvitationOnline(ctx, { code: a.code!, answer: 'non', person: null }, CLIENT)
		).rejects.toThrow(ConflictError);
		await answerInvitationOnline(ctx, { code: b.code!, answer: 'non', person: null }, CLIENT);

		await expect(
			recordAnswerByOfficer(db, agent, id + 1, {
				code: c.code!,
				answer: 'oui',
				channel: 'telephone',
				person: person(c.commune_insee_code)
			})
		).rejects.toThrow('Ce code n’est pas celui d’une invitation de cette campagne.');
		expect((await invitationForOfficer(db, agent, id, c.code!)).id).toBe(c.id);
		await recordAnswerByOfficer(db, agent, id, {
			code: c.code!,
			answer: 'oui',
			channel: 'papier',
			person: person(c.commune_insee_code, { firstName: 'Marc', gender: 'Homme', ageBand: '18-24' })
		});

		const answered = await invitationsOf(db, id);
		expect(answered.filter((i) => i.answered_at).map((i) => [i.answer, i.answer_channel])).toEqual([
			['oui', 'en_ligne'],
			['non', 'en_ligne'],
			['oui', 'papier']
		]);
		const pool = await listPanel(db, agent, { campaignId: id, status: 'candidat' });
		expect(pool.people.map((p) => p.name).sort()).toEqual(['Lucie Martin', 'Marc Martin']);
		const source = await db.selectFrom('person').select('source').execute();
		expect(source.map((s) => s.source)).toEqual(['invitation', 'invitation']);

		const rates = await campaignRates(db, id);
		expect(rates.byTerritory.reduce((s, r) => s + r.letters, 0)).toBe(40);
		expect(rates.byTerritory.reduce((s, r) => s + r.answered, 0)).toBe(3);
		expect(rates.byTerritory.reduce((s, r) => s + r.accepted, 0)).toBe(2);
		expect(rates.byCommuneSize.reduce((s, r) => s + r.letters, 0)).toBe(40);
		expect(rates.byTerritory.reduce((s, r) => s + r.populationShare, 0)).toBeCloseTo(1);
		const gender = rates.byPerson.find((t) => t.criterion === 'genre')!;
		expect(gender.rows.filter((r) => r.accepted)).toMatchObject([
			{ label: 'Femme', accepted: 1, share: 0.5 },
			{ label: 'Homme', accepted: 1, share: 0.5 }
		]);

		// Past the last day, the retention job erases addresses and codes, keeping the answers.
		const later = new Date(Date.now() + 61 * DAY);
		const run = await runRetention({ db, clock: fixedClock(later) });
		expect(run.counts.invitations).toBe(40);
		const after = await invitationsOf(db, id);
		expect(after.every((i) => !i.code && !i.address_line && !i.ban_id && !i.postal_code)).toBe(
			true
		);
		expect(after.filter((i) => i.answer === 'oui')).toHaveLength(2);
		await expect(openInvitation(db, d.code!, CLIENT)).rejects.toThrow(NotFoundError);
		expect((await campaignRates(db, id)).byTerritory.reduce((s, r) => s + r.letters, 0)).toBe(40);
	});

	it('prints every letter, then after the delay the reminders of those who have not answered', async () => {
		const { db, agent } = await setup();
		await importAddressBase(db, agent, chunksOf(Buffer.from(await baseCsv(db, 3000))), 'b.csv');
		const id = await createCampaign(db, agent, campaign({ letters: 12, reminderDays: 14 }));
		const origin = 'https://participation.exemple.fr';
		await expect(campaignLetters(db, agent, id, { origin, kind: 'relances' })).rejects.toThrow(
			'Imprimez d’abord les lettres'
		);
		const letters = await campaignLetters(db, agent, id, { origin, kind: 'lettres' });
		expect(letters.count).toBe(12);
		expect(letters.pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// A letter and its coupon on the back: two pages each.
		expect(letters.pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(24);
		await expect(campaignLetters(db, agent, id, { origin, kind: 'relances' })).rejects.toThrow(
			/Les relances seront prêtes le/
		);

		const [first] = await invitationsOf(db, id);
		await answerInvitationOnline(
			createTestContext(db),
			{ code: first.code!, answer: 'non', person: null },
			CLIENT
		);
		const reminders = await campaignLetters(db, agent, id, {
			origin,
			kind: 'relances',
			now: new Date(Date.now() + 15 * DAY)
		});
		expect(reminders.count).toBe(11);
		const reminded = await invitationsOf(db, id);
		expect(reminded.filter((i) => i.reminded_at)).toHaveLength(11);
		expect((await campaignSummary(db, id)).remindersPrintedAt).not.toBeNull();

		await closeCampaign(db, agent, id);
		await expect(closeCampaign(db, agent, id)).rejects.toThrow(ConflictError);
		await expect(campaignLetters(db, agent, id, { origin, kind: 'lettres' })).rejects.toThrow(
			ConflictError
		);
		expect((await invitationsOf(db, id)).every((i) => i.code === null)).toBe(true);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'invitation_campaign')
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'invitation_campaign.created',
			'invitation_campaign.letters',
			'invitation_campaign.reminders',
			'invitation_campaign.closed'
		]);
	});
});
