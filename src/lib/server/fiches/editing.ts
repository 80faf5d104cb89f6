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

export const ficheContentSchema = z.object({
	title: z
		.string({ error: 'Indiquez le titre de l’action.' })
		.trim()
		.min(3, { error: 'Indiquez le titre de l’action.' })
		.max(300, { error: 'Le titre ne doit pas dépasser 300 caractères.' }),
	description: optionalText(20_000, 'La description'),
	keywords: optionalText(2000, 'La liste des mots des habitants'),
	ownerUserId: z.string().trim().default(''),
	direction: optionalText(200, 'La direction'),
	partners: optionalText(1000, 'La liste des partenaires'),
	territoryCode: z.string().trim().default(''),
	budget: optionalText(200, 'Le budget'),
	keyFigures: optionalText(4000, 'Les chiffres clés'),
	note: optionalText(2000, 'La remarque')
});
export type FicheContentInput = z.infer<typeof ficheContentSchema>;

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
	ref: string;
	title: string;
	status: FicheStatus | null;
	form: FicheContentInput;
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
		ref: fiche.ref,
		title: fiche.title,
		status: isFicheStatus(fiche.status) ? fiche.status : null,
		canChangeOwner: can(actor, 'fiches.edit'),
		form: {
			title: fiche.title,
			description: fiche.description,
			keywords: fiche.keywords,
			ownerUserId: fiche.owner_user_id ? String(fiche.owner_user_id) : '',
			direction: fiche.direction ?? '',
			partners: fiche.partners ?? '',
			territoryCode: territory?.code ?? '',
			budget: fiche.budget ?? '',
			keyFigures: fromDbJson<string[]>(fiche.key_figures, []).join('\n'),
			note: fiche.note ?? ''
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
	input: FicheContentInput
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const before = await ficheForEditing(tx, actor, ref);
		let ownerUserId = before.owner_user_id;
		if (can(actor, 'fiches.edit')) {
			ownerUserId = input.ownerUserId ? Number(input.ownerUserId) : null;
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
			keywords: input.keywords
				.split(/[,;\n]/)
				.map((w) => w.trim())
				.filter(Boolean)
				.join(', '),
			owner_user_id: ownerUserId,
			direction: input.direction || null,
			partners: input.partners || null,
			territory_id: territoryId,
			budget: input.budget || null,
			key_figures: toDbJson(
				input.keyFigures
					.split('\n')
					.map((l) => l.trim())
					.filter(Boolean)
			),
			note: input.note || null
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
