// A contribution feeds one or more fiches-actions; each link carries the
// follow-up decision and a public explanation in plain French. Officers
// link and decide; pilotes decide on the links to the fiches they own.
import { oneOf } from '$lib/codes';
import type { Db } from '../db/database';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { authorize } from '../auth/policy';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { DECISIONS, type Decision } from '$lib/contribution-vocabulary';

export const EXPLANATION_MAX = 2000;

/** The fiches an officer links a contribution to: ticked among the suggestions, or one reference typed. */
export interface FicheChoice {
	ficheIds: number[];
	ref: string;
	/** Whether the form offered suggestions to tick. */
	fromSuggestions: boolean;
}

/** Links a contribution to each fiche chosen; answers how many. */
export async function linkToChosenFiches(
	db: Db,
	actor: Actor | null,
	contributionId: number,
	choice: FicheChoice
): Promise<number> {
	const ficheIds = [...choice.ficheIds];
	if (ficheIds.length === 0 && choice.ref) {
		const fiche = await db
			.selectFrom('fiche')
			.select('id')
			.where('ref', '=', choice.ref)
			.executeTakeFirst();
		if (!fiche) throw new InvalidInputError(`Aucune fiche-action ${choice.ref}.`, 'ref');
		ficheIds.push(fiche.id);
	}
	if (ficheIds.length === 0)
		throw choice.fromSuggestions
			? new InvalidInputError('Cochez au moins une fiche-action suggérée.', 'ficheId')
			: new InvalidInputError('Écrivez la référence, par exemple AUT-27.', 'ref');
	for (const ficheId of ficheIds) await linkToFiche(db, actor, contributionId, ficheId);
	return ficheIds.length;
}

export async function linkToFiche(
	db: Db,
	actor: Actor | null,
	contributionId: number,
	ficheId: number
): Promise<number> {
	assertCan(actor, 'contributions.manage');
	const [contribution, fiche] = await Promise.all([
		db
			.selectFrom('contribution')
			.select(['id', 'merged_into_id'])
			.where('id', '=', contributionId)
			.executeTakeFirst(),
		db.selectFrom('fiche').select(['id', 'ref']).where('id', '=', ficheId).executeTakeFirst()
	]);
	if (!contribution || contribution.merged_into_id)
		throw new NotFoundError('Contribution introuvable.');
	if (!fiche) throw new InvalidInputError('Fiche-action inconnue.', 'ficheId');
	return db.transaction().execute(async (tx) => {
		const already = await tx
			.selectFrom('contribution_link')
			.select('id')
			.where('contribution_id', '=', contributionId)
			.where('fiche_id', '=', ficheId)
			.executeTakeFirst();
		if (already) throw new ConflictError(`La contribution est déjà reliée à ${fiche.ref}.`);
		const { id } = await tx
			.insertInto('contribution_link')
			.values({
				contribution_id: contributionId,
				fiche_id: ficheId,
				linked_by: actor.id,
				linked_at: nowForDb()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await tx
			.updateTable('contribution')
			.set({ triage_state: 'en_cours', updated_at: nowForDb() })
			.where('id', '=', contributionId)
			.where('triage_state', '=', 'nouvelle')
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'contribution.link',
			entityType: 'contribution',
			entityId: contributionId,
			after: { ficheId, ref: fiche.ref }
		});
		return id;
	});
}

async function linkFor(db: Db, actor: Actor | null, linkId: number) {
	assertCan(actor, 'contributions.answer');
	const link = await db
		.selectFrom('contribution_link')
		.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
		.select([
			'contribution_link.id',
			'contribution_link.contribution_id',
			'contribution_link.decision',
			'contribution_link.explanation',
			'fiche.ref'
		])
		.where('contribution_link.id', '=', linkId)
		.executeTakeFirst();
	if (!link) throw new NotFoundError('Lien introuvable.');
	await authorize(db, actor, 'contribution.answer', { linkId });
	return { actor, link };
}

/** A decision from the list and its public explanation, or why not: checked before anything is written. */
export function checkedDecision(input: { decision: string; explanation: string }): {
	decision: Decision;
	explanation: string;
} {
	const decision = oneOf(DECISIONS, input.decision);
	if (!decision) throw new InvalidInputError('Choisissez une décision de la liste.', 'decision');
	const explanation = input.explanation.trim();
	if (explanation.length < 10)
		throw new InvalidInputError(
			'Expliquez la décision en quelques mots simples (10 caractères au moins) : elle sera publiée.',
			'explanation'
		);
	if (explanation.length > EXPLANATION_MAX)
		throw new InvalidInputError(`${EXPLANATION_MAX} caractères au plus.`, 'explanation');
	return { decision, explanation };
}

/** Records the decision; the contribution is « traitée » once every link has one. */
export async function decide(
	db: Db,
	actor: Actor | null,
	linkId: number,
	input: { decision: string; explanation: string }
): Promise<void> {
	const { actor: who, link } = await linkFor(db, actor, linkId);
	const { decision, explanation } = checkedDecision(input);
	await db.transaction().execute(async (tx) => {
		const now = nowForDb();
		await tx
			.updateTable('contribution_link')
			.set({
				decision,
				explanation,
				decided_by: who.id,
				decided_at: now
			})
			.where('id', '=', linkId)
			.execute();
		const open = await tx
			.selectFrom('contribution_link')
			.select('id')
			.where('contribution_id', '=', link.contribution_id)
			.where('decision', 'is', null)
			.executeTakeFirst();
		if (!open)
			await tx
				.updateTable('contribution')
				.set({ triage_state: 'traitee', updated_at: now })
				.where('id', '=', link.contribution_id)
				.execute();
		await recordAudit(tx, {
			actor: who,
			action: 'contribution.decide',
			entityType: 'contribution',
			entityId: link.contribution_id,
			before: { ref: link.ref, decision: link.decision, explanation: link.explanation },
			after: { ref: link.ref, decision: input.decision, explanation }
		});
	});
}

export async function unlink(db: Db, actor: Actor | null, linkId: number): Promise<void> {
	assertCan(actor, 'contributions.manage');
	const { link } = await linkFor(db, actor, linkId);
	await db.transaction().execute(async (tx) => {
		await tx.deleteFrom('contribution_link').where('id', '=', linkId).execute();
		await recordAudit(tx, {
			actor,
			action: 'contribution.unlink',
			entityType: 'contribution',
			entityId: link.contribution_id,
			before: { ref: link.ref, decision: link.decision }
		});
	});
}
