// What the retention job does for each purpose of the table once its period
// is over. Each sweep erases or anonymises in place and returns how many
// records it touched; counts, results and published retours keep working
// because rows that figures rely on are emptied, not deleted.
import type { Role } from '../auth/permissions';
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { toDbDate } from '../db/codecs';
import { parisDay } from '$lib/paris-time';
import { cutoffBefore, type Period } from './purposes';
import {
	CONTRIBUTION_CONTACT_ERASED,
	REGISTRATION_CONTACT_ERASED,
	RETOUR_REQUEST_ERASED,
	removeAccount,
	deletePersonRecord
} from './erasure';
import { eraseCampaignAddresses } from '../panel/lottery/campaigns';

export interface SweepContext {
	now: Date;
	/** The instant before which data is past its period. */
	cutoff: string;
	/**
	 * The same instant as a calendar day in Paris, for date-only columns
	 * (mandates, campaigns' last day), which hold days as typed in France:
	 * the UTC day is the day before for an hour or two each night.
	 */
	cutoffDay: string;
}

type Sweep = (tx: Executor, context: SweepContext) => Promise<number>;

function affected(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }[]): number {
	return result.reduce(
		(sum, row) => sum + Number(row.numUpdatedRows ?? row.numDeletedRows ?? 0n),
		0
	);
}

const STAFF: Role[] = ['admin', 'agent', 'pilote'];
const ERASED_ACTOR = 'Effacé (durée de conservation)';

export const SWEEPS: Record<string, Sweep> = {
	async comptes(tx, { cutoff }) {
		const stale = await tx
			.selectFrom('user')
			.select('id')
			.where((eb) => eb.or([eb('role', 'not in', STAFF), eb('active', '=', 0)]))
			.where(sql<string>`coalesce(last_login_at, created_at)`, '<', cutoff)
			.where('updated_at', '<', cutoff)
			.execute();
		for (const { id } of stale) await removeAccount(tx, id, 'Compte supprimé (inactif)');
		return stale.length;
	},

	async sessions(tx, { now }) {
		const at = toDbDate(now);
		return affected([
			await tx.deleteFrom('session').where('expires_at', '<=', at).executeTakeFirst(),
			await tx.deleteFrom('password_reset').where('expires_at', '<=', at).executeTakeFirst(),
			await tx.deleteFrom('person_token').where('expires_at', '<=', at).executeTakeFirst()
		]);
	},

	async brouillons(tx, { cutoff }) {
		const drafts = tx
			.selectFrom('response')
			.select('id')
			.where('status', '=', 'brouillon')
			.where('updated_at', '<', cutoff);
		await tx.deleteFrom('answer').where('response_id', 'in', drafts).execute();
		await tx.deleteFrom('contribution').where('response_id', 'in', drafts).execute();
		return affected([
			await tx
				.deleteFrom('response')
				.where('status', '=', 'brouillon')
				.where('updated_at', '<', cutoff)
				.executeTakeFirst()
		]);
	},

	async reponses(tx, { cutoff }) {
		const closed = tx.selectFrom('consultation').select('id').where('closes_at', '<', cutoff);
		return affected([
			await tx
				.deleteFrom('response_device')
				.where(
					'response_id',
					'in',
					tx.selectFrom('response').select('id').where('consultation_id', 'in', closed)
				)
				.executeTakeFirst(),
			await tx
				.updateTable('response')
				.set({ respondent_user_id: null })
				.where('consultation_id', 'in', closed)
				.where('respondent_user_id', 'is not', null)
				.executeTakeFirst(),
			await tx
				.updateTable('invitation_code')
				.set({ sent_to: null })
				.where('consultation_id', 'in', closed)
				.where('sent_to', 'is not', null)
				.executeTakeFirst(),
			await tx
				.deleteFrom('consultation_participation')
				.where('consultation_id', 'in', closed)
				.executeTakeFirst()
		]);
	},

	async contributions(tx, { cutoff }) {
		return affected([
			await tx
				.updateTable('contribution')
				.set(CONTRIBUTION_CONTACT_ERASED)
				.where('created_at', '<', cutoff)
				.where((eb) =>
					eb.or([
						eb('author_name', 'is not', null),
						eb('contact_email', 'is not', null),
						eb('author_user_id', 'is not', null)
					])
				)
				.executeTakeFirst()
		]);
	},

	async abonnements(tx, { cutoff }) {
		return affected([
			await tx
				.deleteFrom('contact_subscription')
				.where((eb) =>
					eb.or([
						eb('unsubscribed_at', '<', cutoff),
						eb.not(
							eb.exists(
								eb
									.selectFrom('contribution')
									.select(sql`1`.as('one'))
									.whereRef(
										sql`lower(contribution.contact_email)`,
										'=',
										sql`lower(contact_subscription.email)`
									)
							)
						)
					])
				)
				.executeTakeFirst()
		]);
	},

	async panel(tx, { cutoff, cutoffDay }) {
		const ended = await tx
			.selectFrom('person')
			.select('id')
			.where((eb) =>
				eb.or([
					eb.and([eb('status', '=', 'parti'), eb('left_at', '<', cutoff)]),
					eb.and([
						eb('status', 'in', ['actif', 'en_pause']),
						eb('mandate_end', 'is not', null),
						eb('mandate_end', '<', cutoffDay)
					])
				])
			)
			.execute();
		for (const { id } of ended) await deletePersonRecord(tx, id);
		return ended.length;
	},

	async panel_candidats(tx, { cutoff }) {
		const stale = await tx
			.selectFrom('person')
			.select('id')
			.where('status', '=', 'candidat')
			.where('updated_at', '<', cutoff)
			.execute();
		for (const { id } of stale) await deletePersonRecord(tx, id);
		return stale.length;
	},

	async situation(tx, { cutoff, cutoffDay }) {
		return affected([
			await tx
				.updateTable('person')
				.set({ situations: '[]' })
				.where('situations', '!=', '[]')
				.where((eb) =>
					eb.or([
						eb.and([eb('status', '=', 'parti'), eb('left_at', '<=', cutoff)]),
						eb.and([eb('mandate_end', 'is not', null), eb('mandate_end', '<', cutoffDay)])
					])
				)
				.executeTakeFirst()
		]);
	},

	async groupes(tx, { cutoff, cutoffDay }) {
		const ended = await tx
			.selectFrom('group_membership')
			.select(['id', 'group_id', 'person_id'])
			.where((eb) =>
				eb.or([
					eb('left_at', '<', cutoff),
					eb.and([eb('mandate_end', 'is not', null), eb('mandate_end', '<', cutoffDay)])
				])
			)
			.execute();
		for (const membership of ended) {
			await tx
				.deleteFrom('group_body_seat')
				.where('person_id', '=', membership.person_id)
				.where(
					'body_id',
					'in',
					tx.selectFrom('group_body').select('id').where('group_id', '=', membership.group_id)
				)
				.execute();
			await tx.deleteFrom('group_membership').where('id', '=', membership.id).execute();
		}
		return ended.length;
	},

	async inscriptions(tx, { cutoff }) {
		return affected([
			await tx
				.updateTable('registration')
				.set(REGISTRATION_CONTACT_ERASED)
				.where('event_id', 'in', tx.selectFrom('event').select('id').where('ends_at', '<', cutoff))
				.where((eb) =>
					eb.or([
						eb('name', '!=', ''),
						eb('email', 'is not', null),
						eb('phone', 'is not', null),
						eb('postal_address', 'is not', null),
						eb('user_id', 'is not', null)
					])
				)
				.executeTakeFirst()
		]);
	},

	async besoins(tx, { cutoff }) {
		return affected([
			await tx
				.updateTable('registration')
				.set({ needs: '[]', needs_detail: '' })
				.where('event_id', 'in', tx.selectFrom('event').select('id').where('ends_at', '<', cutoff))
				.where((eb) => eb.or([eb('needs', '!=', '[]'), eb('needs_detail', '!=', '')]))
				.executeTakeFirst()
		]);
	},

	async demandes_retour(tx, { now, cutoff }) {
		const longAgo = toDbDate(cutoffBefore(now, { value: 24, unit: 'mois' }));
		const requests = await tx
			.selectFrom('retour_request')
			.select('id')
			.where((eb) =>
				eb.or([
					eb('name', '!=', ''),
					eb('email', 'is not', null),
					eb('postal_address', 'is not', null)
				])
			)
			.where((eb) =>
				eb.or([
					eb('created_at', '<', longAgo),
					eb.exists(
						eb
							.selectFrom('retour')
							.select(sql`1`.as('one'))
							.whereRef('retour.consultation_id', '=', 'retour_request.consultation_id')
							.where('retour.published_at', '<', cutoff)
					),
					eb.exists(
						eb
							.selectFrom('retour_event')
							.innerJoin('retour', 'retour.id', 'retour_event.retour_id')
							.select(sql`1`.as('one'))
							.whereRef('retour_event.event_id', '=', 'retour_request.event_id')
							.where('retour.published_at', '<', cutoff)
					)
				])
			)
			.execute();
		if (!requests.length) return 0;
		const ids = requests.map((r) => r.id);
		await tx
			.updateTable('retour_delivery')
			.set({ last_error: null })
			.where('request_id', 'in', ids)
			.execute();
		await tx
			.updateTable('retour_request')
			.set({
				...RETOUR_REQUEST_ERASED,
				unsubscribed_at: sql`coalesce(unsubscribed_at, ${toDbDate(now)})`
			})
			.where('id', 'in', ids)
			.execute();
		return ids.length;
	},

	async courriels_contenu(tx, { cutoff }) {
		return affected([
			await tx
				.updateTable('mail_message')
				.set({ text_body: null })
				.where('created_at', '<', cutoff)
				.where('text_body', 'is not', null)
				.executeTakeFirst()
		]);
	},

	async courriels_journal(tx, { cutoff }) {
		return affected([
			await tx.deleteFrom('mail_message').where('created_at', '<', cutoff).executeTakeFirst()
		]);
	},

	async journal(tx, { cutoff }) {
		return affected([
			await tx
				.updateTable('audit_log')
				.set({ actor_user_id: null, actor_label: ERASED_ACTOR, before: null, after: null })
				.where('created_at', '<', cutoff)
				.where((eb) =>
					eb.or([
						eb('actor_user_id', 'is not', null),
						eb('before', 'is not', null),
						eb('after', 'is not', null),
						eb('actor_label', 'not in', [ERASED_ACTOR, 'Système'])
					])
				)
				.executeTakeFirst()
		]);
	},

	async limites(tx, { cutoff }) {
		return affected([
			await tx
				.deleteFrom('rate_limit')
				.where('window_start', '<', new Date(cutoff).getTime())
				.executeTakeFirst()
		]);
	},

	async tirages(tx, { cutoff }) {
		return affected([
			await tx
				.updateTable('draw_candidate')
				.set({ person_id: null })
				.where('selected', '=', 0)
				.where('person_id', 'is not', null)
				.where(
					'draw_id',
					'in',
					tx
						.selectFrom('draw')
						.select('id')
						.where(sql<string>`coalesce(drawn_at, created_at)`, '<', cutoff)
				)
				.executeTakeFirst()
		]);
	},

	async invitations(tx, { cutoffDay }) {
		const over = await tx
			.selectFrom('invitation_campaign')
			.select('id')
			.where('addresses_erased_at', 'is', null)
			.where((eb) => eb.or([eb('closed_at', 'is not', null), eb('closes_on', '<', cutoffDay)]))
			.execute();
		return eraseCampaignAddresses(
			tx,
			over.map((c) => c.id)
		);
	},

	async base_adresses(tx, { cutoff }) {
		const stale = tx.selectFrom('address_base').select('id').where('imported_at', '<', cutoff);
		await tx.deleteFrom('address').where('base_id', 'in', stale).execute();
		return affected([
			await tx.deleteFrom('address_base').where('imported_at', '<', cutoff).executeTakeFirst()
		]);
	},

	async demandes_rgpd(tx, { now, cutoff }) {
		return affected([
			await tx
				.deleteFrom('privacy_request')
				.where((eb) =>
					eb.or([
						eb('completed_at', '<', cutoff),
						eb.and([eb('confirmed_at', 'is', null), eb('expires_at', '<=', toDbDate(now))])
					])
				)
				.executeTakeFirst()
		]);
	}
};

export function sweepContext(now: Date, period: Period): SweepContext {
	const cutoff = cutoffBefore(now, period);
	return { now, cutoff: toDbDate(cutoff), cutoffDay: parisDay(cutoff) };
}
