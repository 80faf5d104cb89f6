// Personal data or insults are masked for the public, with a reason; the
// original stays for authorised staff, and every step is audited.
import type { Db } from '../db/database';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import { MASK_REASONS } from '$lib/contribution-vocabulary';

export async function maskContribution(
	db: Db,
	actor: Actor | null,
	id: number,
	input: { publicText: string; reason: string }
): Promise<void> {
	assertCan(actor, 'contributions.moderate');
	if (!MASK_REASONS.some((r) => r.code === input.reason))
		throw new InvalidInputError('Choisissez la raison dans la liste.', 'reason');
	const publicText = input.publicText.trim();
	if (publicText.length > 5000)
		throw new InvalidInputError('5 000 caractères au plus.', 'publicText');
	const row = await db
		.selectFrom('contribution')
		.select(['text', 'public_text'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Contribution introuvable.');
	if (publicText === row.text)
		throw new InvalidInputError(
			'Le texte public est identique à l’original : remplacez ce qui doit être masqué, par exemple par [nom masqué].',
			'publicText'
		);
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('contribution')
			.set({
				// An empty public text hides the whole contribution.
				public_text: publicText || '[contribution masquée]',
				mask_reason: input.reason,
				updated_at: nowForDb()
			})
			.where('id', '=', id)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'contribution.mask',
			entityType: 'contribution',
			entityId: id,
			before: { publicText: row.public_text },
			after: { publicText: publicText || '[contribution masquée]', reason: input.reason }
		});
	});
}

export async function unmaskContribution(db: Db, actor: Actor | null, id: number): Promise<void> {
	assertCan(actor, 'contributions.moderate');
	await db.transaction().execute(async (tx) => {
		const result = await tx
			.updateTable('contribution')
			.set({ public_text: null, mask_reason: null, updated_at: nowForDb() })
			.where('id', '=', id)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('Contribution introuvable.');
		await recordAudit(tx, {
			actor,
			action: 'contribution.unmask',
			entityType: 'contribution',
			entityId: id
		});
	});
}
