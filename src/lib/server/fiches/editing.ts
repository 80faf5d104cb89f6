// Back-office changes to fiches. Agents and administrators edit any fiche;
// a pilote edits only the fiches they own. Every change is audited.
import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { fromDbJson, nowForDb, toDbJson } from '../db/codecs';
import { assertCan, can, type Actor } from '../auth/permissions';
import { authorize, ficheScope } from '../auth/policy';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import { FICHE_STATUSES, isFicheStatus, type FicheStatus } from './status';
import { recordStatusChange } from './status-history';
import { refreshSearchText } from './search-text';
import { byFrench } from '../db/database';
import { wholeNumber } from '$lib/codes';
import { emptyAsNull } from '../form-fields';

async function ficheForEditing(db: Executor, actor: Actor | null, ref: string) {
	const fiche = await db.selectFrom('fiche').selectAll().where('ref', '=', ref).executeTakeFirst();
	if (!fiche) throw new NotFoundError('Cette fiche-action n’existe pas.');
	await authorize(db, actor, 'fiche.edit', { ficheId: fiche.id });
	return fiche;
}

const optionalText = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` })
		.default('');

/** One item per line, or between commas and semicolons for the residents' words. */
const lines = (separators: RegExp) => (value: string) =>
	value
		.split(separators)
		.map((item) => item.trim())
		.filter(Boolean);

/** A fiche's content as the services take and give it. */
export interface FicheContent {
	title: string;
	description: string;
	/** The words residents use for it, found by the search. */
	keywords: string[];
	ownerUserId: number | null;
	direction: string | null;
	partners: string | null;
	territoryCode: string | null;
	budget: string | null;
	keyFigures: string[];
	note: string | null;
}

/** The content form, read into a FicheContent. */
export const ficheContentSchema = z.object({
	title: z
		.string({ error: 'Indiquez le titre de l’action.' })
		.trim()
		.min(3, { error: 'Indiquez le titre de l’action.' })
		.max(300, { error: 'Le titre ne doit pas dépasser 300 caractères.' }),
	description: optionalText(20_000, 'La description'),
	keywords: optionalText(2000, 'La liste des mots des habitants').transform(lines(/[,;\n]/)),
	ownerUserId: z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || wholeNumber(v) !== null, 'Choisissez un pilote dans la liste.')
		.transform((v) => wholeNumber(v)),
	direction: optionalText(200, 'La direction').transform(emptyAsNull),
	partners: optionalText(1000, 'La liste des partenaires').transform(emptyAsNull),
	territoryCode: z.string().trim().max(20).default('').transform(emptyAsNull),
	budget: optionalText(200, 'Le budget').transform(emptyAsNull),
	keyFigures: optionalText(4000, 'Les chiffres clés').transform(lines(/\n/)),
	note: optionalText(2000, 'La remarque').transform(emptyAsNull)
}) satisfies z.ZodType<FicheContent, unknown>;

/** The content as the form's fields hold it. */
export function ficheContentFields(content: FicheContent): Record<keyof FicheContent, string> {
	return {
		title: content.title,
		description: content.description,
		keywords: content.keywords.join(', '),
		ownerUserId: content.ownerUserId === null ? '' : String(content.ownerUserId),
		direction: content.direction ?? '',
		partners: content.partners ?? '',
		territoryCode: content.territoryCode ?? '',
		budget: content.budget ?? '',
		keyFigures: content.keyFigures.join('\n'),
		note: content.note ?? ''
	};
}

export const statusChangeSchema = z.object({
	status: z.enum([...FICHE_STATUSES, 'non-renseigne'], {
		error: 'Choisissez un statut dans la liste.'
	}),
	comment: z
		.string({ error: 'Expliquez ce changement de statut.' })
		.trim()
		.min(3, { error: 'Expliquez ce changement de statut en quelques mots.' })
		.max(2000, { error: 'Le commentaire ne doit pas dépasser 2000 caractères.' })
});
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

export interface FicheEditView {
	id: number;
	ref: string;
	title: string;
	status: FicheStatus | null;
	content: FicheContent;
	canChangeOwner: boolean;
}

export async function getFicheForEditing(
	db: Db,
	actor: Actor | null,
	ref: string
): Promise<FicheEditView> {
	const fiche = await ficheForEditing(db, actor, ref);
	const territory = fiche.territory_id
		? await db
				.selectFrom('territory')
				.select('code')
				.where('id', '=', fiche.territory_id)
				.executeTakeFirst()
		: undefined;
	return {
		id: fiche.id,
		ref: fiche.ref,
		title: fiche.title,
		status: isFicheStatus(fiche.status) ? fiche.status : null,
		canChangeOwner: can(actor, 'fiches.edit'),
		content: {
			title: fiche.title,
			description: fiche.description,
			keywords: lines(/,/)(fiche.keywords),
			ownerUserId: fiche.owner_user_id,
			direction: fiche.direction,
			partners: fiche.partners,
			territoryCode: territory?.code ?? null,
			budget: fiche.budget,
			keyFigures: fromDbJson<string[]>(fiche.key_figures, []),
			note: fiche.note
		}
	};
}

/** Staff who can be named pilote of a fiche. */
export async function listPossibleOwners(db: Db, actor: Actor | null) {
	assertCan(actor, 'fiches.edit');
	return db
		.selectFrom('user')
		.select(['id', 'display_name', 'role'])
		.where('role', 'in', ['pilote', 'agent', 'admin'])
		.where('active', '=', 1)
		.orderBy(byFrench('display_name'))
		.execute();
}

export async function updateFicheContent(
	db: Db,
	actor: Actor | null,
	ref: string,
	input: FicheContent
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const before = await ficheForEditing(tx, actor, ref);
		let ownerUserId = before.owner_user_id;
		if (can(actor, 'fiches.edit')) {
			ownerUserId = input.ownerUserId;
			if (ownerUserId !== null) {
				const owner = await tx
					.selectFrom('user')
					.select('id')
					.where('id', '=', ownerUserId)
					.where('role', 'in', ['pilote', 'agent', 'admin'])
					.executeTakeFirst();
				if (!owner)
					throw new InvalidInputError('Choisissez un pilote dans la liste.', 'ownerUserId');
			}
		}
		let territoryId: number | null = null;
		if (input.territoryCode) {
			const territory = await tx
				.selectFrom('territory')
				.select('id')
				.where('code', '=', input.territoryCode)
				.executeTakeFirst();
			if (!territory)
				throw new InvalidInputError('Choisissez un territoire dans la liste.', 'territoryCode');
			territoryId = territory.id;
		}
		const changes = {
			title: input.title,
			description: input.description,
			keywords: input.keywords.join(', '),
			owner_user_id: ownerUserId,
			direction: input.direction,
			partners: input.partners,
			territory_id: territoryId,
			budget: input.budget,
			key_figures: toDbJson(input.keyFigures),
			note: input.note
		};
		await tx
			.updateTable('fiche')
			.set({ ...changes, updated_at: nowForDb() })
			.where('id', '=', before.id)
			.execute();
		await refreshSearchText(tx, before.id);
		const beforeView = Object.fromEntries(
			Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])
		);
		const changed = Object.keys(changes).filter(
			(k) => String(beforeView[k] ?? '') !== String(changes[k as keyof typeof changes] ?? '')
		);
		if (changed.length === 0) return;
		await recordAudit(tx, {
			actor,
			action: 'fiche.updated',
			entityType: 'fiche',
			entityId: ref,
			before: Object.fromEntries(changed.map((k) => [k, beforeView[k]])),
			after: Object.fromEntries(changed.map((k) => [k, changes[k as keyof typeof changes]]))
		});
	});
}

/** A new status, always with its reason; kept in the fiche's public history. */
export async function changeFicheStatus(
	db: Db,
	actor: Actor | null,
	ref: string,
	input: StatusChangeInput
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const fiche = await ficheForEditing(tx, actor, ref);
		const status = input.status === 'non-renseigne' ? null : input.status;
		if (status === fiche.status) {
			throw new InvalidInputError('La fiche a déjà ce statut.', 'status');
		}
		await recordStatusChange(tx, fiche.id, {
			status,
			comment: input.comment,
			source: 'modification',
			actor
		});
		await recordAudit(tx, {
			actor,
			action: 'fiche.status_changed',
			entityType: 'fiche',
			entityId: ref,
			before: { status: fiche.status },
			after: { status, comment: input.comment }
		});
	});
}

/** The back-office list: every fiche for agents, their own for a pilote. */
export async function listEditableFiches(db: Db, actor: Actor | null) {
	assertCan(actor, 'backoffice.access');
	const rows = await db
		.selectFrom('fiche')
		.leftJoin('user', 'user.id', 'fiche.owner_user_id')
		.select([
			'fiche.ref',
			'fiche.title',
			'fiche.status',
			'fiche.updated_at',
			'user.display_name as owner_name'
		])
		.where(ficheScope(actor, 'fiche.edit'))
		.orderBy('fiche.ref')
		.execute();
	return rows.map((row) => ({
		ref: row.ref,
		title: row.title,
		status: isFicheStatus(row.status) ? row.status : null,
		ownerName: row.owner_name
	}));
}
