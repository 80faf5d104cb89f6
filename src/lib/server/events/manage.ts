// Officers' side of events: create, edit (telling the registered when the
// date or place changes), publish, cancel (telling them too), and the list
// of registrations with their needs summed up.
import type { Context } from '../context';
import type { Db, Executor, Tx } from '../db/database';
import { slugFor } from '../slugs';
import { fromDbJson, nowForDb, toDbDate, toDbJson } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import type { OutgoingMail } from '../mail/mailer';
import { eventCancelledMail, eventMovedMail } from '../mail/templates';
import { ficheIdsFromRefs } from '../fiches/refs';
import { generateToken, hashToken } from '../auth/tokens';
import { NEEDS, type RegistrationStatus } from '$lib/event-vocabulary';
import type { ConcertoEvent } from './model';
import { getEventById, linkedFichesOfEvent, listEvents } from './queries';
import { chosenConsultationId } from '../consultations/queries';
import { mailContext, promoteWaitingList } from './registration';
import type { EventCommand } from './schemas';

async function placeColumns(db: Executor, input: EventCommand) {
	const siteId = input.siteId;
	const site = siteId
		? await db
				.selectFrom('site')
				.select(['id', 'commune_insee_code', 'territory_id'])
				.where('id', '=', siteId)
				.executeTakeFirst()
		: null;
	if (siteId && !site) throw new InvalidInputError('Lieu inconnu.', 'siteId');
	const communeCode = input.communeCode || site?.commune_insee_code || null;
	const commune = communeCode
		? await db
				.selectFrom('commune')
				.select(['insee_code', 'territory_id'])
				.where('insee_code', '=', communeCode)
				.executeTakeFirst()
		: null;
	if (communeCode && !commune) throw new InvalidInputError('Commune inconnue.', 'communeCode');
	if (!site && !input.placeName)
		throw new InvalidInputError(
			'Choisissez une maison des solidarités, ou écrivez le nom du lieu.',
			'placeName'
		);
	const kind = await db
		.selectFrom('event_kind')
		.select('code')
		.where('code', '=', input.kind)
		.executeTakeFirst();
	if (!kind) throw new InvalidInputError('Type d’événement inconnu.', 'kind');
	const consultationId = await chosenConsultationId(db, input.consultationId);
	const groupId = input.groupId;
	if (
		groupId &&
		!(await db
			.selectFrom('participation_group')
			.select('id')
			.where('id', '=', groupId)
			.executeTakeFirst())
	)
		throw new InvalidInputError('Groupe inconnu.', 'groupId');
	return {
		kind: input.kind,
		title: input.title,
		slug: input.slug,
		description: input.description,
		site_id: site?.id ?? null,
		place_name: input.placeName || null,
		address: input.address || null,
		commune_insee_code: commune?.insee_code ?? null,
		territory_id: site?.territory_id ?? commune?.territory_id ?? null,
		access_directions: input.accessDirections,
		starts_at: toDbDate(input.startsAt),
		ends_at: toDbDate(input.endsAt),
		audience: input.audience,
		capacity: input.capacity,
		registration_opens_at: input.registrationOpensAt ? toDbDate(input.registrationOpensAt) : null,
		registration_closes_at: input.registrationClosesAt
			? toDbDate(input.registrationClosesAt)
			: null,
		accessibility: toDbJson(input.accessibility),
		support: toDbJson(input.support),
		consultation_id: consultationId,
		group_id: groupId
	};
}

async function assertSlugFree(db: Executor, slug: string, exceptId?: number) {
	let query = db.selectFrom('event').select('id').where('slug', '=', slug);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	if (await query.executeTakeFirst())
		throw new ConflictError('Cette adresse est déjà prise par un autre événement.', 'slug');
}

async function replaceFiches(tx: Tx, eventId: number, ficheIds: number[]) {
	await tx.deleteFrom('event_fiche').where('event_id', '=', eventId).execute();
	if (ficheIds.length)
		await tx
			.insertInto('event_fiche')
			.values(ficheIds.map((fiche_id) => ({ event_id: eventId, fiche_id })))
			.execute();
}

export async function createEvent(
	db: Db,
	actor: Actor | null,
	input: EventCommand
): Promise<number> {
	assertCan(actor, 'events.manage');
	input = { ...input, slug: await slugFor(db, 'event', input) };
	await assertSlugFree(db, input.slug);
	const columns = await placeColumns(db, input);
	const ficheIds = await ficheIdsFromRefs(db, input.ficheRefs);
	return db.transaction().execute(async (tx) => {
		const now = nowForDb();
		const { id } = await tx
			.insertInto('event')
			.values({ ...columns, status: 'brouillon', created_at: now, updated_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		await replaceFiches(tx, id, ficheIds);
		await recordAudit(tx, {
			actor,
			action: 'event.create',
			entityType: 'event',
			entityId: id,
			after: input
		});
		return id;
	});
}

/** An event as its form edits it. */
export async function getEventForEditing(
	db: Executor,
	actor: Actor | null,
	id: number
): Promise<{ event: ConcertoEvent; command: EventCommand }> {
	assertCan(actor, 'events.manage');
	const event = await getEventById(db, id);
	const row = await db
		.selectFrom('event')
		.select(['site_id', 'consultation_id', 'group_id'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	const fiches = await linkedFichesOfEvent(db, id);
	return {
		event,
		command: {
			title: event.title,
			slug: event.slug,
			kind: event.kind,
			description: event.description,
			siteId: row.site_id,
			placeName: event.place.placeName ?? '',
			address: event.place.address ?? '',
			communeCode: event.place.communeCode,
			accessDirections: event.accessDirections,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			audience: event.audience,
			capacity: event.capacity,
			registrationOpensAt: event.registrationOpensAt,
			registrationClosesAt: event.registrationClosesAt,
			accessibility: event.accessibility,
			support: event.support,
			ficheRefs: fiches.map((f) => f.ref),
			consultationId: row.consultation_id,
			groupId: row.group_id
		}
	};
}

/** Messages to everyone registered or waiting, each with a fresh cancel link. */
async function noticesToRegistered(
	tx: Tx,
	event: ConcertoEvent,
	origin: string,
	make: (to: string, context: ReturnType<typeof mailContext>) => OutgoingMail
): Promise<OutgoingMail[]> {
	const people = await tx
		.selectFrom('registration')
		.select(['id', 'email', 'name'])
		.where('event_id', '=', event.id)
		.where('status', 'in', ['inscrit', 'attente'])
		.where('email', 'is not', null)
		.execute();
	const mails: OutgoingMail[] = [];
	for (const person of people) {
		const token = generateToken();
		await tx
			.updateTable('registration')
			.set({ cancel_token_hash: hashToken(token) })
			.where('id', '=', person.id)
			.execute();
		mails.push(make(person.email!, mailContext(event, origin, token, { name: person.name })));
	}
	return mails;
}

export async function updateEvent(
	ctx: Context,
	actor: Actor | null,
	id: number,
	input: EventCommand
): Promise<{ notified: number }> {
	const { db, mailer, origin } = ctx;
	assertCan(actor, 'events.manage');
	const before = await getEventById(db, id);
	input = { ...input, slug: await slugFor(db, 'event', input, id) };
	await assertSlugFree(db, input.slug, id);
	const columns = await placeColumns(db, input);
	const ficheIds = await ficheIdsFromRefs(db, input.ficheRefs);
	const moved =
		before.startsAt.toISOString() !== columns.starts_at ||
		before.endsAt.toISOString() !== columns.ends_at ||
		before.place.communeCode !== columns.commune_insee_code ||
		(before.place.placeName ?? null) !== columns.place_name;
	const mails = await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('event')
			.set({ ...columns, updated_at: nowForDb() })
			.where('id', '=', id)
			.execute();
		await replaceFiches(tx, id, ficheIds);
		await recordAudit(tx, {
			actor,
			action: 'event.update',
			entityType: 'event',
			entityId: id,
			before: { startsAt: before.startsAt, endsAt: before.endsAt, capacity: before.capacity },
			after: input
		});
		const after = await getEventById(tx, id);
		// More places may have opened: the waiting list moves up first.
		const promoted = await promoteWaitingList(tx, after, origin);
		const notices =
			moved && after.status === 'publie'
				? await noticesToRegistered(tx, after, origin, eventMovedMail)
				: [];
		return [...promoted, ...notices];
	});
	for (const mail of mails) await mailer.send(db, mail);
	return { notified: mails.length };
}

export async function publishEvent(db: Db, actor: Actor | null, id: number): Promise<void> {
	assertCan(actor, 'events.manage');
	const event = await getEventById(db, id);
	if (event.status !== 'brouillon') throw new ConflictError('Seul un brouillon peut être publié.');
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('event')
			.set({ status: 'publie', updated_at: nowForDb() })
			.where('id', '=', id)
			.execute();
		await recordAudit(tx, { actor, action: 'event.publish', entityType: 'event', entityId: id });
	});
}

export async function cancelEvent(
	ctx: Context,
	actor: Actor | null,
	id: number,
	reason: string
): Promise<{ notified: number }> {
	const { db, mailer, origin } = ctx;
	assertCan(actor, 'events.manage');
	const trimmed = reason.trim();
	if (trimmed.length < 5 || trimmed.length > 500)
		throw new InvalidInputError(
			'Expliquez en quelques mots pourquoi l’événement est annulé (5 à 500 caractères).',
			'reason'
		);
	const event = await getEventById(db, id);
	if (event.status === 'annule') throw new ConflictError('Cet événement est déjà annulé.');
	const mails = await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('event')
			.set({ status: 'annule', cancellation_reason: trimmed, updated_at: nowForDb() })
			.where('id', '=', id)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'event.cancel',
			entityType: 'event',
			entityId: id,
			after: { reason: trimmed }
		});
		const cancelled = await getEventById(tx, id);
		return noticesToRegistered(tx, cancelled, origin, (to, context) =>
			eventCancelledMail(to, context, trimmed)
		);
	});
	for (const mail of mails) await mailer.send(db, mail);
	return { notified: mails.length };
}

export interface RegistrationRow {
	id: number;
	name: string;
	email: string | null;
	phone: string | null;
	postalAddress: string | null;
	status: RegistrationStatus;
	needs: string[];
	needsDetail: string;
	/** When an officer arranged the needs; null while they are still to arrange. */
	needsArrangedAt: string | null;
	needsArrangedBy: string | null;
	createdAt: string;
	promoted: boolean;
}

export async function listRegistrations(
	db: Executor,
	actor: Actor | null,
	eventId: number
): Promise<{ rows: RegistrationRow[]; needs: { code: string; label: string; count: number }[] }> {
	assertCan(actor, 'events.manage');
	const rows = await db
		.selectFrom('registration')
		.selectAll()
		.where('event_id', '=', eventId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	const registrations = rows.map((r): RegistrationRow => ({
		id: r.id,
		name: r.name,
		email: r.email,
		phone: r.phone,
		postalAddress: r.postal_address,
		status: r.status,
		needs: fromDbJson<string[]>(r.needs, []),
		needsDetail: r.needs_detail,
		needsArrangedAt: r.needs_arranged_at,
		needsArrangedBy: r.needs_arranged_by,
		createdAt: r.created_at,
		promoted: r.promoted_at !== null
	}));
	const coming = registrations.filter((r) => r.status === 'inscrit' || r.status === 'present');
	return {
		rows: registrations,
		needs: NEEDS.map((need) => ({
			code: need.code,
			label: need.label,
			count: coming.filter((r) => r.needs.includes(need.code)).length
		}))
	};
}

/**
 * An officer marks a person's needs as arranged (or back to arrange). The
 * person changing her needs puts them back to arrange.
 */
export async function markNeedsArranged(
	db: Db,
	actor: Actor | null,
	eventId: number,
	registrationId: number,
	arranged: boolean
): Promise<void> {
	assertCan(actor, 'events.manage');
	await db.transaction().execute(async (tx) => {
		const updated = await tx
			.updateTable('registration')
			.set({
				needs_arranged_at: arranged ? nowForDb() : null,
				needs_arranged_by: arranged ? actor.displayName : null
			})
			.where('id', '=', registrationId)
			.where('event_id', '=', eventId)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) throw new NotFoundError('Inscription introuvable.');
		await recordAudit(tx, {
			actor,
			action: arranged ? 'registration.needs-arranged' : 'registration.needs-to-arrange',
			entityType: 'registration',
			entityId: registrationId
		});
	});
}

/** Officers add kinds beyond the defaults (« Café des aidants », say). */
export async function addEventKind(db: Db, actor: Actor | null, label: string): Promise<string> {
	assertCan(actor, 'events.manage');
	const trimmed = label.trim();
	if (trimmed.length < 3 || trimmed.length > 80)
		throw new InvalidInputError('Nommez le type d’événement (3 à 80 caractères).', 'label');
	const code = trimmed
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	const exists = await db
		.selectFrom('event_kind')
		.select('code')
		.where((eb) => eb.or([eb('code', '=', code), eb('label', '=', trimmed)]))
		.executeTakeFirst();
	if (exists) throw new ConflictError('Ce type d’événement existe déjà.', 'label');
	await db.transaction().execute(async (tx) => {
		await tx.insertInto('event_kind').values({ code, label: trimmed }).execute();
		await recordAudit(tx, {
			actor,
			action: 'event.kind.add',
			entityType: 'event_kind',
			entityId: code,
			after: { label: trimmed }
		});
	});
	return code;
}

/** Every event, drafts included, for the officers' list. */
export async function listEventsForOfficers(db: Executor, actor: Actor | null) {
	assertCan(actor, 'events.manage');
	return listEvents(db, { includeDrafts: true });
}
