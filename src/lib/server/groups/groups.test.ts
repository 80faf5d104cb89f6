import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer } from '../mail/mailer';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { loadReferenceData } from '../reference/seed';
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { ForbiddenError, NotFoundError } from '../errors';
import { registerPersonByOfficer } from '../panel/registry';
import { createEvent, publishEvent } from '../events/manage';
import type { EventCommand } from '../events/schemas';
import { eventCommand } from '../events/testing';
import { readForm } from '../read-form';
import { createGroup, getGroup, listGroups, setGroupArchived, updateGroup } from './manage';
import {
	addOutsideMember,
	addPanelMember,
	endMembership,
	searchPanelForGroup,
	updateMembership
} from './members';
import { addBody, setBodySeats } from './bodies';
import { addDocument, removeDocument } from './documents';
import { openMemberAccount } from './accounts';
import { answerMeeting, mySpace } from './member-space';
import { REGISTRATION_CONSENT } from '../events/registration';
import { getPublicEvent } from '../events/public';
import { documentSchema, groupSchema, membershipSchema, outsideMemberSchema } from './schemas';

const ORIGIN = 'https://participation.exemple.fr';
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

async function setup() {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	const agent = (await createTestUser(db, 'agent')).actor;
	const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
	return { db, agent, mailer };
}

async function panelPerson(db: Db, agent: Actor, firstName: string, email = '') {
	return registerPersonByOfficer(db, agent, {
		firstName,
		lastName: 'Martin',
		email,
		phone: email ? '' : '02 54 00 00 00',
		postalAddress: '',
		communeCode: '41018',
		ageBand: '40-59',
		gender: 'Femme',
		situations: [],
		situationConsent: false,
		availability: [],
		needs: ['transport'],
		needsDetail: '',
		source: 'terrain',
		consent: true
	});
}

const ressource = {
	name: 'Groupe ressource',
	slug: 'groupe-ressource',
	kind: 'groupe-ressource',
	territoryId: null,
	description: 'Dix habitants qui suivent le schéma.'
};
const member = { role: 'membre' as const, mandateStart: '2026-01-01', mandateEnd: '2027-12-31' };

function meeting(groupId: number, startsAt: Date, slug: string): EventCommand {
	return eventCommand({
		title: 'Réunion du groupe ressource',
		slug,
		kind: 'reunion-groupe',
		placeName: 'Hôtel du Département',
		startsAt,
		audience: 'groupe',
		groupId
	});
}

describe('groups', () => {
	it('creates groups with unique addresses, lists them with their members, archives them', async () => {
		const { db, agent } = await setup();
		const id = await createGroup(db, agent, ressource);
		await expect(createGroup(db, agent, ressource)).rejects.toThrow(/déjà prise/);
		const nord = await db
			.selectFrom('territory')
			.select('id')
			.where('code', '=', 'nord')
			.executeTakeFirstOrThrow();
		const cvs = await createGroup(db, agent, {
			name: 'CVS des parents — Nord',
			slug: 'cvs-parents-nord',
			kind: 'cvs-parents',
			territoryId: nord.id,
			description: ''
		});
		await expect(
			updateGroup(db, agent, cvs, { ...ressource, slug: 'cvs-nord', territoryId: 999999 })
		).rejects.toThrow(/Territoire inconnu/);
		await addPanelMember(db, agent, id, await panelPerson(db, agent, 'Awa'), member);
		const list = await listGroups(db, agent);
		expect(list.map((g) => [g.name, g.members, g.territoryName])).toEqual([
			['CVS des parents — Nord', 0, expect.stringMatching(/Nord/i)],
			['Groupe ressource', 1, null]
		]);
		await setGroupArchived(db, agent, cvs, true);
		expect((await listGroups(db, agent)).map((g) => g.id)).toEqual([id]);
		expect(await listGroups(db, agent, { archived: true })).toHaveLength(2);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'group')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['group.create', 'group.member.add', 'group.archive'])
		);
	});

	it('takes members from the panel or not, with roles and mandates, and keeps who left', async () => {
		const { db, agent } = await setup();
		const id = await createGroup(db, agent, ressource);
		const awa = await panelPerson(db, agent, 'Awa');
		await panelPerson(db, agent, 'Bernard');
		expect((await searchPanelForGroup(db, agent, id, 'awa')).map((p) => p.name)).toEqual([
			'Awa Martin'
		]);
		const membership = await addPanelMember(db, agent, id, awa, member);
		expect(await searchPanelForGroup(db, agent, id, 'awa')).toEqual([]);
		await expect(addPanelMember(db, agent, id, awa, member)).rejects.toThrow(/déjà partie/);

		const outside = await addOutsideMember(db, agent, id, {
			firstName: 'Lucie',
			lastName: 'Partenaire',
			email: 'lucie@asso.fr',
			phone: '',
			postalAddress: '',
			consent: true,
			role: 'co-animateur',
			mandateStart: '',
			mandateEnd: ''
		});
		const person = await db
			.selectFrom('person')
			.select(['in_panel', 'source'])
			.where('id', '=', outside)
			.executeTakeFirstOrThrow();
		expect(person).toEqual({ in_panel: 0, source: 'groupe' });
		const consent = await db
			.selectFrom('consent')
			.select(['purpose', 'text_version'])
			.where('person_id', '=', outside)
			.execute();
		expect(consent).toEqual([{ purpose: 'groupe', text_version: 'groupe-2026-11' }]);

		await updateMembership(db, agent, id, membership, {
			role: 'suppleant',
			mandateStart: '2026-01-01',
			mandateEnd: '2028-06-30'
		});
		const body = await addBody(db, agent, id, {
			name: 'Équipe pluridisciplinaire RSA',
			description: ''
		});
		await setBodySeats(db, agent, id, body, [awa, outside]);
		await expect(setBodySeats(db, agent, id, body, [999])).rejects.toThrow(/membres actuels/);
		await endMembership(db, agent, id, membership);

		const group = await getGroup(db, agent, id);
		const awaRow = group.members.find((m) => m.personId === awa)!;
		expect(awaRow).toMatchObject({ role: 'suppleant', mandateEnd: '2028-06-30', inPanel: true });
		expect(awaRow.leftAt).not.toBeNull();
		expect(group.members.find((m) => m.personId === outside)).toMatchObject({
			role: 'co-animateur',
			inPanel: false,
			leftAt: null
		});
		expect(group.bodies[0].seats).toEqual([outside]);
		// The panel registry does not list people who only joined a group.
		expect(await searchPanelForGroup(db, agent, id, 'lucie')).toEqual([]);
	});

	it('validates what officers type, with French messages', () => {
		expect(
			readForm(groupSchema, { ...ressource, territoryId: '', slug: 'Groupe Ressource!' })
		).toMatchObject({
			ok: false,
			errors: { slug: expect.stringMatching(/minuscules/) }
		});
		expect(
			readForm(membershipSchema, {
				role: 'chef',
				mandateStart: '2027-01-01',
				mandateEnd: '2026-01-01'
			})
		).toMatchObject({ ok: false, errors: { role: expect.any(String) } });
		expect(
			readForm(membershipSchema, {
				role: 'membre',
				mandateStart: '2027-01-01',
				mandateEnd: '2026-01-01'
			})
		).toMatchObject({ ok: false, errors: { mandateEnd: expect.stringMatching(/après/) } });
		expect(
			readForm(outsideMemberSchema, {
				firstName: 'Lucie',
				lastName: 'P',
				email: '',
				phone: '',
				postalAddress: '',
				consent: true,
				role: 'membre'
			})
		).toMatchObject({ ok: false, errors: { email: expect.stringMatching(/moyen/) } });
		expect(
			readForm(documentSchema, { title: 'Charte', body: '', url: 'javascript:alert(1)' })
		).toMatchObject({ ok: false, errors: { url: expect.stringMatching(/https/) } });
	});

	it('refuses every change to people without the permission', async () => {
		const { db, agent } = await setup();
		const id = await createGroup(db, agent, ressource);
		for (const role of ['pilote', 'habitant', 'membre'] as const) {
			const { actor } = await createTestUser(db, role);
			await expect(listGroups(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(getGroup(db, actor, id)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(createGroup(db, actor, { ...ressource, slug: 'autre' })).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				addBody(db, actor, id, { name: 'Instance', description: '' })
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				addDocument(db, actor, id, { title: 'Charte', body: 'Texte', url: '' })
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(searchPanelForGroup(db, actor, id, 'a')).rejects.toBeInstanceOf(ForbiddenError);
		}
	});
});

describe('a member’s space', () => {
	it('shows the member their groups, meetings, documents and bodies, and takes their answer', async () => {
		const { db, agent, mailer } = await setup();
		const admin = (await createTestUser(db, 'admin')).actor;
		const id = await createGroup(db, agent, ressource);
		const awa = await panelPerson(db, agent, 'Awa', 'awa.membre@exemple.fr');
		const bernard = await panelPerson(db, agent, 'Bernard', 'bernard@exemple.fr');
		await addPanelMember(db, agent, id, awa, member);
		await addPanelMember(db, agent, id, bernard, { ...member, role: 'co-animateur' });
		const body = await addBody(db, agent, id, {
			name: 'Groupes de travail du PDALHPD',
			description: ''
		});
		await setBodySeats(db, agent, id, body, [awa]);
		const doc = await addDocument(db, agent, id, {
			title: 'Charte du groupe',
			body: '# Nos règles',
			url: ''
		});
		await addDocument(db, agent, id, {
			title: 'Ancien document',
			body: '',
			url: 'https://exemple.fr/doc.pdf'
		});
		const past = await createEvent(
			db,
			admin,
			meeting(id, new Date(Date.now() - 30 * 86400e3), 'reunion-passee')
		);
		await publishEvent(db, admin, past);
		const next = await createEvent(
			db,
			admin,
			meeting(id, new Date(Date.now() + 10 * 86400e3), 'reunion-prochaine')
		);
		await publishEvent(db, admin, next);
		await createEvent(
			db,
			admin,
			meeting(id, new Date(Date.now() + 20 * 86400e3), 'reunion-brouillon')
		);
		await removeDocument(db, agent, id, doc + 1);

		expect(
			await openMemberAccount(createTestContext(db, { mailer, origin: ORIGIN }), agent, awa)
		).toBe('invited');
		const invitation = await smtp.waitForMail('awa.membre@exemple.fr', 10_000, /compte/);
		expect(invitation.text).toMatch(/\/mot-de-passe-oublie\/\w+/);
		await expect(
			openMemberAccount(createTestContext(db, { mailer, origin: ORIGIN }), agent, awa)
		).rejects.toThrow(/déjà un compte/);
		const user = await db
			.selectFrom('user')
			.select(['id', 'role', 'display_name'])
			.where('email', '=', 'awa.membre@exemple.fr')
			.executeTakeFirstOrThrow();
		expect(user.role).toBe('membre');
		const awaActor: Actor = { id: user.id, role: 'membre', displayName: user.display_name };

		const space = await mySpace(db, awaActor);
		expect(space.groups).toHaveLength(1);
		const group = space.groups[0];
		expect(group).toMatchObject({ name: 'Groupe ressource', myRole: 'membre' });
		expect(group.members).toEqual([
			{ name: 'Awa M.', role: 'membre', isMe: true },
			{ name: 'Bernard M.', role: 'co-animateur', isMe: false }
		]);
		expect(group.bodies).toEqual([
			{ name: 'Groupes de travail du PDALHPD', description: '', attendees: ['Awa M.'] }
		]);
		expect(group.upcoming.map((e) => [e.slug, e.myAnswer])).toEqual([['reunion-prochaine', null]]);
		expect(group.documents.map((d) => d.title)).toEqual(['Charte du groupe']);
		expect(group.history.map((h) => h.text)).toContain('Réunion du groupe ressource');

		expect(
			await answerMeeting(createTestContext(db, { mailer, origin: ORIGIN }), awaActor, next, true)
		).toBe('inscrit');
		expect(
			await answerMeeting(createTestContext(db, { mailer, origin: ORIGIN }), awaActor, next, true)
		).toBe('inscrit');
		expect((await mySpace(db, awaActor)).groups[0].upcoming[0].myAnswer).toBe('inscrit');
		const registration = await db
			.selectFrom('registration')
			.select(['name', 'email', 'needs', 'status'])
			.where('event_id', '=', next)
			.execute();
		expect(registration).toEqual([
			{
				name: 'Awa Martin',
				email: 'awa.membre@exemple.fr',
				needs: '["transport"]',
				status: 'inscrit'
			}
		]);
		// The same registration as from the public form: consent, receipt code, cancel link.
		const written = await db
			.selectFrom('registration')
			.select(['consent_text_version', 'consented_at', 'receipt_code', 'cancel_token_hash'])
			.where('event_id', '=', next)
			.executeTakeFirstOrThrow();
		expect(written.consent_text_version).toBe(REGISTRATION_CONSENT.version);
		expect(written.consented_at).not.toBeNull();
		expect(written.receipt_code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
		expect(written.cancel_token_hash).toMatch(/^[0-9a-f]{64}$/);
		// She says she needs childcare for this meeting: kept, and to arrange again.
		expect(
			await answerMeeting(createTestContext(db, { mailer, origin: ORIGIN }), awaActor, next, true, {
				codes: ['garde'],
				detail: 'Deux enfants, 4 et 7 ans'
			})
		).toBe('inscrit');
		const answered = (await mySpace(db, awaActor)).groups[0].upcoming[0];
		expect([answered.myNeeds, answered.myNeedsDetail]).toEqual([
			['garde'],
			'Deux enfants, 4 et 7 ans'
		]);
		expect(
			await answerMeeting(createTestContext(db, { mailer, origin: ORIGIN }), awaActor, next, false)
		).toBe('annule');
		expect((await mySpace(db, awaActor)).groups[0].upcoming[0].myAnswer).toBe('annule');
		// Changing her mind takes the same registration back.
		expect(
			await answerMeeting(createTestContext(db, { mailer, origin: ORIGIN }), awaActor, next, true)
		).toBe('inscrit');
		expect(
			await answerMeeting(createTestContext(db, { mailer, origin: ORIGIN }), awaActor, next, false)
		).toBe('annule');
		expect(
			await db.selectFrom('registration').select('id').where('event_id', '=', next).execute()
		).toHaveLength(1);
		await expect(
			answerMeeting(createTestContext(db, { mailer, origin: ORIGIN }), awaActor, past, true)
		).rejects.toThrow(/passée/);

		// Someone outside the group can neither see nor answer.
		const stranger = (await createTestUser(db, 'habitant')).actor;
		expect((await mySpace(db, stranger)).groups).toEqual([]);
		// The meeting's page exists for members and staff only.
		expect((await getPublicEvent(db, 'reunion-prochaine', awaActor)).id).toBe(next);
		expect((await getPublicEvent(db, 'reunion-prochaine', agent)).id).toBe(next);
		for (const visitor of [null, stranger])
			await expect(getPublicEvent(db, 'reunion-prochaine', visitor)).rejects.toBeInstanceOf(
				NotFoundError
			);
		await expect(
			answerMeeting(createTestContext(db, { mailer, origin: ORIGIN }), stranger, next, true)
		).rejects.toBeInstanceOf(ForbiddenError);
		// Leaving the group closes the space.
		const membership = (await getGroup(db, agent, id)).members.find((m) => m.personId === awa)!;
		await endMembership(db, agent, id, membership.membershipId);
		expect((await mySpace(db, awaActor)).groups).toEqual([]);
		await expect(getPublicEvent(db, 'reunion-prochaine', awaActor)).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('links an existing account instead of creating a second one', async () => {
		const { db, agent, mailer } = await setup();
		const { user } = await createTestUser(db, 'habitant');
		const person = await panelPerson(db, agent, 'Chantal', user.email);
		expect(
			await openMemberAccount(createTestContext(db, { mailer, origin: ORIGIN }), agent, person)
		).toBe('linked');
		const linked = await db
			.selectFrom('person')
			.select('user_id')
			.where('id', '=', person)
			.executeTakeFirstOrThrow();
		expect(linked.user_id).toBe(user.id);
		const phoneOnly = await panelPerson(db, agent, 'David');
		await expect(
			openMemberAccount(createTestContext(db, { mailer, origin: ORIGIN }), agent, phoneOnly)
		).rejects.toThrow(/adresse e-mail/);
	});
});
