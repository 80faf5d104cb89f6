// One e-mail, at most once a day, to each person who agreed to be told:
// the decisions taken on their contributions and the status changes of the
// fiches-actions those fed, since the last one. Never a flood.
import type { Db, Executor } from '../db/database';
import { nowForDb } from '../db/codecs';
import { generateToken, hashToken } from '../auth/tokens';
import { NotFoundError } from '../errors';
import type { Context } from '../context';
import { contributionDigestMail } from '../mail/templates';
import { DECISION_LABELS } from '$lib/contribution-vocabulary';
import { isFicheStatus, STATUS_DISPLAY } from '$lib/fiche-status';

export const DIGEST_MIN_HOURS = 24;

/** Called when someone agrees to be told; an existing address keeps its link. */
export async function subscribeContact(tx: Executor, email: string): Promise<void> {
	await tx
		.insertInto('contact_subscription')
		.values({ email, token_hash: hashToken(generateToken()), created_at: nowForDb() })
		.onConflict((oc) => oc.column('email').doUpdateSet({ unsubscribed_at: null }))
		.execute();
}

async function newsFor(db: Executor, email: string, since: string) {
	const own = await db
		.selectFrom('contribution')
		.leftJoin('response', 'response.id', 'contribution.response_id')
		.select([
			'contribution.id',
			'contribution.merged_into_id',
			'contribution.text',
			'contribution.public_text',
			(eb) =>
				eb.fn.coalesce('contribution.receipt_code', 'response.receipt_code').as('receipt_code')
		])
		.where('contribution.contact_email', '=', email)
		.where('contribution.contact_consent', '=', 1)
		.execute();
	if (!own.length) return { news: [], codes: [] };
	const followed = [...new Set(own.map((c) => c.merged_into_id ?? c.id))];
	const quote = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
	const decisions = await db
		.selectFrom('contribution_link')
		.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
		.select([
			'contribution_link.contribution_id',
			'contribution_link.decision',
			'contribution_link.explanation',
			'fiche.ref'
		])
		.where('contribution_link.contribution_id', 'in', followed)
		.where('contribution_link.decided_at', '>', since)
		.execute();
	const fiches = await db
		.selectFrom('contribution_link')
		.select('fiche_id')
		.where('contribution_id', 'in', followed)
		.execute();
	const changes = fiches.length
		? await db
				.selectFrom('fiche_status_change')
				.innerJoin('fiche', 'fiche.id', 'fiche_status_change.fiche_id')
				.select(['fiche.ref', 'fiche.title', 'fiche_status_change.status'])
				.where(
					'fiche_status_change.fiche_id',
					'in',
					fiches.map((f) => f.fiche_id)
				)
				.where('fiche_status_change.changed_at', '>', since)
				.orderBy('fiche_status_change.changed_at')
				.execute()
		: [];
	const textOf = (id: number) => {
		const c = own.find((o) => (o.merged_into_id ?? o.id) === id)!;
		return quote(c.public_text ?? c.text);
	};
	return {
		news: [
			...decisions.map(
				(d) =>
					`« ${textOf(d.contribution_id)} » (${d.ref}) : ${d.decision ? DECISION_LABELS[d.decision] : ''}. ${d.explanation}`
			),
			...changes.map(
				(c) =>
					`L’action ${c.ref} (${c.title}) est maintenant : ${STATUS_DISPLAY[isFicheStatus(c.status) ? c.status : 'none'].phrase}.`
			)
		],
		codes: [...new Set(own.flatMap((c) => (c.receipt_code ? [c.receipt_code] : [])))]
	};
}

export async function sendContributionDigests({
	db,
	mailer,
	origin,
	clock
}: Context): Promise<number> {
	const now = clock.now();
	const due = await db
		.selectFrom('contact_subscription')
		.selectAll()
		.where('unsubscribed_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb('last_digest_at', 'is', null),
				eb(
					'last_digest_at',
					'<=',
					new Date(now.getTime() - DIGEST_MIN_HOURS * 3600_000).toISOString()
				)
			])
		)
		.execute();
	let sent = 0;
	for (const subscription of due) {
		const since = subscription.last_digest_at ?? subscription.created_at;
		const { news, codes } = await newsFor(db, subscription.email, since);
		if (!news.length) continue;
		// A fresh link each time: only its hash is kept, so the old one stops working.
		const token = generateToken();
		const claimed = await db
			.updateTable('contact_subscription')
			.set({ last_digest_at: now.toISOString(), token_hash: hashToken(token) })
			.where('email', '=', subscription.email)
			.where((eb) =>
				subscription.last_digest_at === null
					? eb('last_digest_at', 'is', null)
					: eb('last_digest_at', '=', subscription.last_digest_at)
			)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) continue;
		const status = await mailer.send(
			db,
			contributionDigestMail(subscription.email, {
				news,
				followLinks: codes.length
					? codes.map((code) => `${origin}/suivi?code=${code}`)
					: [`${origin}/suivi`],
				unsubscribeLink: `${origin}/suivi/desabonnement/${token}`
			})
		);
		if (status !== 'echec') sent++;
	}
	return sent;
}

export async function unsubscribeContact(db: Db, token: string): Promise<void> {
	const result = await db
		.updateTable('contact_subscription')
		.set({ unsubscribed_at: nowForDb() })
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0)
		throw new NotFoundError('Ce lien n’est plus valable : utilisez celui du dernier message reçu.');
}
