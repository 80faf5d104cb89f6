// Officers write, preview and publish the retour of a consultation or of
// events; the public reads it at /retours/[slug], figures computed live.
import type { Db, Executor } from '../db/database';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { computeRetourFigures, protectRetourFigures, type RetourFigures } from './figures';
import { getDisclosureThreshold } from '../settings/settings';
import type { Figure } from '$lib/disclosure';
import type { RetourInput } from './schemas';
import { chosenConsultationId } from '../consultations/queries';

export interface Retour {
	id: number;
	slug: string;
	title: string;
	body: string;
	falcBody: string;
	consultationId: number | null;
	consultationTitle: string | null;
	eventIds: number[];
	events: { id: number; title: string; slug: string }[];
	publishedAt: string | null;
	updatedAt: string;
}

async function readRetour(
	db: Executor,
	where: { id?: number; slug?: string }
): Promise<Retour | null> {
	let query = db
		.selectFrom('retour')
		.leftJoin('consultation', 'consultation.id', 'retour.consultation_id')
		.selectAll('retour')
		.select('consultation.title as consultation_title');
	if (where.id !== undefined) query = query.where('retour.id', '=', where.id);
	if (where.slug !== undefined) query = query.where('retour.slug', '=', where.slug);
	const row = await query.executeTakeFirst();
	if (!row) return null;
	const events = await db
		.selectFrom('retour_event')
		.innerJoin('event', 'event.id', 'retour_event.event_id')
		.select(['event.id', 'event.title', 'event.slug'])
		.where('retour_event.retour_id', '=', row.id)
		.orderBy('event.starts_at')
		.execute();
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		body: row.body,
		falcBody: row.falc_body,
		consultationId: row.consultation_id,
		consultationTitle: row.consultation_title,
		eventIds: events.map((e) => e.id),
		events,
		publishedAt: row.published_at,
		updatedAt: row.updated_at
	};
}

/** A retour's figures as they are published: protected by disclosure control. */
export async function figuresOf(db: Executor, retour: Retour): Promise<RetourFigures<Figure>> {
	const [figures, threshold] = await Promise.all([
		computeRetourFigures(db, { consultationId: retour.consultationId, eventIds: retour.eventIds }),
		getDisclosureThreshold(db)
	]);
	return protectRetourFigures(figures, threshold);
}

async function checkSources(db: Executor, input: RetourInput, exceptId?: number) {
	let taken = db.selectFrom('retour').select('id').where('slug', '=', input.slug);
	if (exceptId !== undefined) taken = taken.where('id', '!=', exceptId);
	if (await taken.executeTakeFirst())
		throw new ConflictError('Cette adresse est déjà prise par un autre retour.', 'slug');
	const consultationId = await chosenConsultationId(db, input.consultationId);
	const eventIds = input.eventIds;
	if (eventIds.length) {
		const found = await db.selectFrom('event').select('id').where('id', 'in', eventIds).execute();
		if (found.length !== eventIds.length)
			throw new InvalidInputError('Événement inconnu.', 'eventIds');
	}
	return { consultationId, eventIds };
}

async function replaceEvents(db: Executor, retourId: number, eventIds: number[]) {
	await db.deleteFrom('retour_event').where('retour_id', '=', retourId).execute();
	if (eventIds.length)
		await db
			.insertInto('retour_event')
			.values(eventIds.map((event_id) => ({ retour_id: retourId, event_id })))
			.execute();
}

export async function createRetour(
	db: Db,
	actor: Actor | null,
	input: RetourInput
): Promise<number> {
	assertCan(actor, 'retours.manage');
	const { consultationId, eventIds } = await checkSources(db, input);
	return db.transaction().execute(async (tx) => {
		const now = nowForDb();
		const { id } = await tx
			.insertInto('retour')
			.values({
				slug: input.slug,
				title: input.title,
				body: input.body,
				falc_body: input.falcBody,
				consultation_id: consultationId,
				created_by: actor.id,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await replaceEvents(tx, id, eventIds);
		await recordAudit(tx, {
			actor,
			action: 'retour.create',
			entityType: 'retour',
			entityId: id,
			after: input
		});
		return id;
	});
}

export async function updateRetour(
	db: Db,
	actor: Actor | null,
	id: number,
	input: RetourInput
): Promise<void> {
	assertCan(actor, 'retours.manage');
	if (!(await readRetour(db, { id }))) throw new NotFoundError('Retour introuvable.');
	const { consultationId, eventIds } = await checkSources(db, input, id);
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('retour')
			.set({
				slug: input.slug,
				title: input.title,
				body: input.body,
				falc_body: input.falcBody,
				consultation_id: consultationId,
				updated_at: nowForDb()
			})
			.where('id', '=', id)
			.execute();
		await replaceEvents(tx, id, eventIds);
		await recordAudit(tx, {
			actor,
			action: 'retour.update',
			entityType: 'retour',
			entityId: id,
			after: input
		});
	});
}

export async function publishRetour(db: Db, actor: Actor | null, id: number): Promise<void> {
	assertCan(actor, 'retours.manage');
	const retour = await readRetour(db, { id });
	if (!retour) throw new NotFoundError('Retour introuvable.');
	if (!retour.body.trim())
		throw new InvalidInputError('Écrivez le texte du retour avant de le publier.', 'body');
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('retour')
			.set({ published_at: retour.publishedAt ?? nowForDb(), updated_at: nowForDb() })
			.where('id', '=', id)
			.execute();
		await recordAudit(tx, { actor, action: 'retour.publish', entityType: 'retour', entityId: id });
	});
}

export async function getRetour(db: Db, actor: Actor | null, id: number): Promise<Retour> {
	assertCan(actor, 'retours.manage');
	const retour = await readRetour(db, { id });
	if (!retour) throw new NotFoundError('Retour introuvable.');
	return retour;
}

export async function listRetours(db: Db, actor: Actor | null) {
	assertCan(actor, 'retours.manage');
	return db
		.selectFrom('retour')
		.select(['id', 'slug', 'title', 'published_at', 'updated_at'])
		.orderBy('updated_at', 'desc')
		.execute();
}

export async function listPublishedRetours(db: Db) {
	return db
		.selectFrom('retour')
		.select(['slug', 'title', 'published_at'])
		.where('published_at', 'is not', null)
		.orderBy('published_at', 'desc')
		.execute();
}

export async function getPublishedRetour(db: Db, slug: string): Promise<Retour> {
	const retour = await readRetour(db, { slug });
	if (!retour || !retour.publishedAt)
		throw new NotFoundError('Ce retour n’existe pas ou n’est pas encore publié.');
	return retour;
}
