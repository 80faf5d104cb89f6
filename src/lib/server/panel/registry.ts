// The officers' view of the panel: find people, follow their participation,
// change their status and mandate, record people met in the field.
import type { DrawAnswer, GroupRole, PersonSource } from '$lib/panel-vocabulary';
import type { RegistrationStatus } from '$lib/event-vocabulary';
import { sql } from 'kysely';
import type { Db, Executor } from '../db/database';
import { fromDbJson, nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import type { PersonStatus } from '$lib/panel-vocabulary';
import { communeExists, insertPerson } from './people';
import { anonymisePerson } from './signup';
import { mandateDueCondition } from './mandate-reminders';
import type { OfficerPersonInput, PersonStatusChange } from './schemas';
import { byFrench, jsonArrayIncludes } from '../db/database';

export const REGISTRY_PAGE_SIZE = 50;

export interface RegistryFilters {
	q?: string;
	status?: PersonStatus;
	territoryId?: number;
	ageBand?: string;
	gender?: string;
	situation?: string;
	/** Only mandates ending within the renewal notice (or already ended). */
	mandateDue?: boolean;
	/** Only those who said yes to an invitation of this campaign. */
	campaignId?: number;
}

export interface PersonListItem {
	id: number;
	pseudonym: string;
	name: string;
	communeName: string | null;
	territoryName: string | null;
	ageBand: string | null;
	gender: string | null;
	situations: string[];
	status: PersonStatus;
	mandateEnd: string | null;
	emailConfirmed: boolean;
}

/** The people of the panel matching the filters; those who left are only listed when asked. */
export function panelQuery(db: Executor, filters: RegistryFilters) {
	let query = db
		.selectFrom('person')
		.leftJoin('commune', 'commune.insee_code', 'person.commune_insee_code')
		.leftJoin('territory', 'territory.id', 'person.territory_id')
		.where('person.in_panel', '=', 1);
	query = filters.status
		? query.where('person.status', '=', filters.status)
		: query.where('person.status', '!=', 'parti');
	if (filters.territoryId) query = query.where('person.territory_id', '=', filters.territoryId);
	if (filters.ageBand) query = query.where('person.age_band', '=', filters.ageBand);
	if (filters.gender) query = query.where('person.gender', '=', filters.gender);
	if (filters.situation)
		query = query.where(jsonArrayIncludes('person.situations', filters.situation));
	if (filters.mandateDue) query = query.where(mandateDueCondition());
	if (filters.campaignId)
		query = query.where('person.id', 'in', (eb) =>
			eb
				.selectFrom('invitation')
				.select('invitation.person_id')
				.where('invitation.campaign_id', '=', filters.campaignId!)
				.where('invitation.person_id', 'is not', null)
		);
	const q = filters.q?.trim().toLowerCase();
	if (q) {
		const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
		query = query.where((eb) =>
			eb.or([
				eb(
					sql`lower(person.first_name || ' ' || person.last_name)`,
					'like',
					sql`${like} escape '\\'`
				),
				eb(sql`lower(coalesce(person.email, ''))`, 'like', sql`${like} escape '\\'`),
				eb(sql`lower(person.pseudonym)`, 'like', sql`${like} escape '\\'`)
			])
		);
	}
	return query;
}

export async function listPanel(
	db: Db,
	actor: Actor | null,
	filters: RegistryFilters,
	page = 1
): Promise<{ people: PersonListItem[]; total: number }> {
	assertCan(actor, 'panel.manage');
	const base = panelQuery(db, filters);
	const { total } = await base
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const rows = await base
		.select([
			'person.id',
			'person.pseudonym',
			'person.first_name',
			'person.last_name',
			'person.age_band',
			'person.gender',
			'person.situations',
			'person.status',
			'person.mandate_end',
			'person.email_confirmed_at',
			'commune.name as commune_name',
			'territory.name as territory_name'
		])
		.orderBy(byFrench('person.last_name'))
		.orderBy(byFrench('person.first_name'))
		.limit(REGISTRY_PAGE_SIZE)
		.offset((Math.max(1, page) - 1) * REGISTRY_PAGE_SIZE)
		.execute();
	return {
		total: Number(total),
		people: rows.map((r) => ({
			id: r.id,
			pseudonym: r.pseudonym,
			name: `${r.first_name} ${r.last_name}`.trim(),
			communeName: r.commune_name,
			territoryName: r.territory_name,
			ageBand: r.age_band,
			gender: r.gender,
			situations: fromDbJson<string[]>(r.situations, []),
			status: r.status,
			mandateEnd: r.mandate_end,
			emailConfirmed: r.email_confirmed_at !== null
		}))
	};
}

export interface PersonDetail extends PersonListItem {
	firstName: string;
	lastName: string;
	email: string | null;
	phone: string | null;
	postalAddress: string | null;
	availability: string[];
	needs: string[];
	needsDetail: string;
	source: PersonSource;
	mandateStart: string | null;
	createdAt: string;
	consents: {
		purpose: string;
		version: string;
		collectedBy: string;
		givenAt: string;
		withdrawnAt: string | null;
	}[];
	history: {
		events: { title: string; slug: string; startsAt: string; status: RegistrationStatus }[];
		consultations: { title: string; answeredAt: string }[];
		groups: { name: string; role: GroupRole; leftAt: string | null }[];
		draws: { id: number; title: string; drawnAt: string | null; answer: DrawAnswer | null }[];
	};
}

export async function getPersonDetail(
	db: Db,
	actor: Actor | null,
	id: number
): Promise<PersonDetail> {
	assertCan(actor, 'panel.manage');
	const person = await db
		.selectFrom('person')
		.leftJoin('commune', 'commune.insee_code', 'person.commune_insee_code')
		.leftJoin('territory', 'territory.id', 'person.territory_id')
		.selectAll('person')
		.select(['commune.name as commune_name', 'territory.name as territory_name'])
		.where('person.id', '=', id)
		.executeTakeFirst();
	if (!person) throw new NotFoundError('Personne introuvable.');
	const [consents, events, consultations, groups, draws] = await Promise.all([
		db.selectFrom('consent').selectAll().where('person_id', '=', id).orderBy('given_at').execute(),
		person.email
			? db
					.selectFrom('registration')
					.innerJoin('event', 'event.id', 'registration.event_id')
					.select(['event.title', 'event.slug', 'event.starts_at', 'registration.status'])
					.where('registration.email', '=', person.email)
					.orderBy('event.starts_at', 'desc')
					.execute()
			: Promise.resolve([]),
		person.user_id
			? db
					.selectFrom('consultation_participation')
					.innerJoin(
						'consultation',
						'consultation.id',
						'consultation_participation.consultation_id'
					)
					.select(['consultation.title', 'consultation_participation.answered_at'])
					.where('consultation_participation.user_id', '=', person.user_id)
					.execute()
			: Promise.resolve([]),
		db
			.selectFrom('group_membership')
			.innerJoin('participation_group', 'participation_group.id', 'group_membership.group_id')
			.select(['participation_group.name', 'group_membership.role', 'group_membership.left_at'])
			.where('group_membership.person_id', '=', id)
			.execute(),
		db
			.selectFrom('draw_candidate')
			.innerJoin('draw', 'draw.id', 'draw_candidate.draw_id')
			.select(['draw.id', 'draw.title', 'draw.drawn_at', 'draw_candidate.answer'])
			.where('draw_candidate.person_id', '=', id)
			.where('draw_candidate.selected', '=', 1)
			.execute()
	]);
	return {
		id: person.id,
		pseudonym: person.pseudonym,
		name: `${person.first_name} ${person.last_name}`.trim(),
		firstName: person.first_name,
		lastName: person.last_name,
		communeName: person.commune_name,
		territoryName: person.territory_name,
		ageBand: person.age_band,
		gender: person.gender,
		situations: fromDbJson<string[]>(person.situations, []),
		status: person.status,
		mandateStart: person.mandate_start,
		mandateEnd: person.mandate_end,
		emailConfirmed: person.email_confirmed_at !== null,
		email: person.email,
		phone: person.phone,
		postalAddress: person.postal_address,
		availability: fromDbJson<string[]>(person.availability, []),
		needs: fromDbJson<string[]>(person.needs, []),
		needsDetail: person.needs_detail,
		source: person.source,
		createdAt: person.created_at,
		consents: consents.map((c) => ({
			purpose: c.purpose,
			version: c.text_version,
			collectedBy: c.collected_by,
			givenAt: c.given_at,
			withdrawnAt: c.withdrawn_at
		})),
		history: {
			events: events.map((e) => ({
				title: e.title,
				slug: e.slug,
				startsAt: e.starts_at,
				status: e.status
			})),
			consultations: consultations.map((c) => ({ title: c.title, answeredAt: c.answered_at })),
			groups: groups.map((g) => ({ name: g.name, role: g.role, leftAt: g.left_at })),
			draws: draws.map((d) => ({ id: d.id, title: d.title, drawnAt: d.drawn_at, answer: d.answer }))
		}
	};
}

export async function registerPersonByOfficer(
	db: Db,
	actor: Actor | null,
	input: OfficerPersonInput
): Promise<number> {
	assertCan(actor, 'panel.manage');
	if (!(await communeExists(db, input.communeCode)))
		throw new InvalidInputError('Choisissez la commune dans la liste.', 'communeCode');
	return db.transaction().execute(async (tx) => {
		const { id } = await insertPerson(tx, input, {
			source: input.source,
			collectedBy: `${actor.displayName} (${input.source === 'papier' ? 'bulletin papier' : 'sur le terrain'})`,
			enteredBy: actor.id
		});
		await recordAudit(tx, {
			actor,
			action: 'panel.person.create',
			entityType: 'person',
			entityId: id
		});
		return id;
	});
}

export async function updatePersonStatus(
	db: Db,
	actor: Actor | null,
	id: number,
	change: PersonStatusChange
): Promise<void> {
	assertCan(actor, 'panel.manage');
	await db.transaction().execute(async (tx) => {
		const before = await tx
			.selectFrom('person')
			.select(['status', 'mandate_start', 'mandate_end'])
			.where('id', '=', id)
			.where('status', '!=', 'parti')
			.executeTakeFirst();
		if (!before) throw new NotFoundError('Personne introuvable ou partie du panel.');
		await tx
			.updateTable('person')
			.set({
				status: change.status,
				mandate_start: change.mandateStart,
				mandate_end: change.mandateEnd,
				renewal_reminded_at: change.mandateEnd === before.mandate_end ? undefined : null,
				updated_at: nowForDb()
			})
			.where('id', '=', id)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'panel.person.status',
			entityType: 'person',
			entityId: id,
			before,
			after: change
		});
	});
}

/** Erases a person at their request, as the leave link would. */
export async function erasePerson(db: Db, actor: Actor | null, id: number): Promise<void> {
	assertCan(actor, 'panel.manage');
	await db.transaction().execute(async (tx) => {
		const exists = await tx
			.selectFrom('person')
			.select('id')
			.where('id', '=', id)
			.executeTakeFirst();
		if (!exists) throw new NotFoundError('Personne introuvable.');
		await anonymisePerson(tx, id);
		await recordAudit(tx, {
			actor,
			action: 'panel.person.erase',
			entityType: 'person',
			entityId: id
		});
	});
}
