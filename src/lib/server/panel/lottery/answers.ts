// Answers to an invitation: on the web with the letter's code (the panel
// sign-up, prefilled with the commune and address), or by phone and on the
// paper coupon, typed in by an agent. A « yes » joins the pool with its
// invitation; a « no » is counted, so response rates include it.
import type { InvitationAnswer, InvitationChannel } from '$lib/panel-vocabulary';
import type { Context } from '../../context';
import type { Db, Tx } from '../../db/database';
import { fromDbDate, nowForDb } from '../../db/codecs';
import { assertCan, type Actor } from '../../auth/permissions';
import { recordAudit } from '../../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { normaliseCode } from '../../consultations/codes';
import { codeLimits, consumeRateLimit, limitFailures } from '../../security/rate-limit';
import { communeExists, insertPerson, issuePersonToken, type PersonFields } from '../people';
import { panelWelcomeMail } from '../../mail/templates';
import { campaignIsOver } from './campaigns';

export interface OpenInvitation {
	id: number;
	code: string;
	campaignId: number;
	campaignTitle: string;
	communeCode: string;
	communeName: string;
	/** « 12 bis rue des Tilleuls, 41000 Blois »: prefills the sign-up's address. */
	postalAddress: string;
	answer: InvitationAnswer | null;
	answeredAt: Date | null;
	over: boolean;
}

const CODE_HELP = 'Le code est écrit sur votre lettre : 8 caractères, par exemple K7PM-2QXR.';

async function findByCode(db: Db | Tx, code: string): Promise<OpenInvitation | null> {
	const normalised = normaliseCode(code);
	if (!normalised) return null;
	const row = await db
		.selectFrom('invitation as i')
		.innerJoin('invitation_campaign as c', 'c.id', 'i.campaign_id')
		.leftJoin('commune', 'commune.insee_code', 'i.commune_insee_code')
		.select([
			'i.id',
			'i.code',
			'i.campaign_id',
			'i.commune_insee_code',
			'i.address_line',
			'i.postal_code',
			'i.answer',
			'i.answered_at',
			'c.title',
			'c.closes_on',
			'c.closed_at',
			'commune.name as commune_name'
		])
		.where('i.code', '=', normalised)
		.executeTakeFirst();
	if (!row) return null;
	const communeName = row.commune_name ?? '';
	return {
		id: row.id,
		code: normalised,
		campaignId: row.campaign_id,
		campaignTitle: row.title,
		communeCode: row.commune_insee_code,
		communeName,
		postalAddress: [row.address_line, [row.postal_code, communeName].filter(Boolean).join(' ')]
			.filter(Boolean)
			.join(', '),
		answer: row.answer,
		answeredAt: row.answered_at ? fromDbDate(row.answered_at) : null,
		over: campaignIsOver({
			closedAt: row.closed_at ? fromDbDate(row.closed_at) : null,
			closesOn: String(row.closes_on)
		})
	};
}

/** The invitation of a typed code; an unknown code counts as a failure for the address. */
export async function openInvitation(
	db: Db,
	code: string,
	clientAddress: string
): Promise<OpenInvitation> {
	return limitFailures(db, codeLimits(clientAddress), async () => {
		if (!normaliseCode(code)) throw new InvalidInputError(CODE_HELP, 'code');
		const invitation = await findByCode(db, code);
		if (!invitation)
			throw new NotFoundError(
				`Nous ne trouvons pas d’invitation avec ce code. ${CODE_HELP} Si la campagne est finie, le code n’est plus valable.`
			);
		return invitation;
	});
}

function assertOpen(invitation: OpenInvitation) {
	if (invitation.over)
		throw new ConflictError(
			'Cette campagne d’invitations est finie : nous ne prenons plus de réponses.'
		);
	if (invitation.answer)
		throw new ConflictError('Une réponse a déjà été donnée pour cette invitation. Merci !');
}

export interface AnswerInput {
	code: string;
	answer: InvitationAnswer;
	channel: InvitationChannel;
	/** The person who joins the pool, for a « yes ». */
	person: PersonFields | null;
}

/** Records the answer, and for a « yes » the person with their consents, in one transaction. */
export async function recordAnswer(
	db: Db,
	input: AnswerInput,
	by: { actor: Actor | null; collectedBy: string }
): Promise<{ invitation: OpenInvitation; personId: number | null; manageToken: string | null }> {
	if (input.answer === 'oui' && !input.person)
		throw new InvalidInputError('Remplissez le formulaire pour rejoindre le panel.');
	if (input.person && !(await communeExists(db, input.person.communeCode)))
		throw new InvalidInputError('Choisissez votre commune dans la liste.', 'communeCode');
	return db.transaction().execute(async (tx) => {
		const invitation = await findByCode(tx, input.code);
		if (!invitation) throw new NotFoundError(`Nous ne trouvons pas d’invitation avec ce code.`);
		assertOpen(invitation);
		let personId: number | null = null;
		let manageToken: string | null = null;
		if (input.answer === 'oui' && input.person) {
			({ id: personId } = await insertPerson(tx, input.person, {
				source: 'invitation',
				collectedBy: by.collectedBy,
				enteredBy: by.actor?.id ?? null
			}));
			manageToken = await issuePersonToken(tx, personId, 'gestion', null);
		}
		// Only an unanswered invitation is answered: two answers at once give one.
		const updated = await tx
			.updateTable('invitation')
			.set({
				answer: input.answer,
				answer_channel: input.channel,
				answered_at: nowForDb(),
				person_id: personId,
				entered_by: by.actor?.id ?? null
			})
			.where('id', '=', invitation.id)
			.where('answered_at', 'is', null)
			.executeTakeFirst();
		if (!Number(updated.numUpdatedRows))
			throw new ConflictError('Une réponse a déjà été donnée pour cette invitation. Merci !');
		return { invitation, personId, manageToken };
	});
}

/** A resident answers with the letter's code. Limited per address like every public form. */
export async function answerInvitationOnline(
	ctx: Context,
	input: { code: string; answer: InvitationAnswer; person: PersonFields | null },
	clientAddress: string
): Promise<{ manageToken: string | null }> {
	await consumeRateLimit(ctx.db, `panel-signup:${clientAddress}`, {
		limit: ctx.submissionsPerHour,
		windowSeconds: 3600
	});
	const { personId, manageToken } = await recordAnswer(
		ctx.db,
		{ ...input, channel: 'en_ligne' },
		{ actor: null, collectedBy: 'invitation, réponse en ligne' }
	);
	const email = input.person?.email;
	if (personId !== null && email && manageToken) {
		// As a sign-up: the address is confirmed by its link, and the link to manage it goes by mail too.
		const confirmToken = await issuePersonToken(ctx.db, personId, 'confirmation', 7);
		await ctx.mailer.send(
			ctx.db,
			panelWelcomeMail(email, {
				firstName: input.person!.firstName,
				confirmLink: `${ctx.origin}/panel/confirmation/${confirmToken}`,
				manageLink: `${ctx.origin}/panel/inscription/${manageToken}`
			})
		);
	}
	return { manageToken };
}

/** An agent types in an answer given by phone or on the paper coupon. */
export async function recordAnswerByOfficer(
	db: Db,
	actor: Actor | null,
	campaignId: number,
	input: AnswerInput
): Promise<{ personId: number | null }> {
	assertCan(actor, 'panel.manage');
	const found = await findByCode(db, input.code);
	if (!found || found.campaignId !== campaignId)
		throw new InvalidInputError(
			'Ce code n’est pas celui d’une invitation de cette campagne.',
			'code'
		);
	const { invitation, personId } = await recordAnswer(db, input, {
		actor,
		collectedBy:
			input.channel === 'telephone' ? 'invitation, par téléphone' : 'invitation, coupon papier'
	});
	await recordAudit(db, {
		actor,
		action: 'invitation.answered',
		entityType: 'invitation',
		entityId: invitation.id,
		after: { answer: input.answer, answer_channel: input.channel, person_id: personId }
	});
	return { personId };
}

/** The invitation an agent opens from a typed code, within the campaign. */
export async function invitationForOfficer(
	db: Db,
	actor: Actor | null,
	campaignId: number,
	code: string
): Promise<OpenInvitation> {
	assertCan(actor, 'panel.manage');
	if (!normaliseCode(code)) throw new InvalidInputError(CODE_HELP.replace('votre', 'la'), 'code');
	const invitation = await findByCode(db, code);
	if (!invitation || invitation.campaignId !== campaignId)
		throw new InvalidInputError(
			'Ce code n’est pas celui d’une invitation de cette campagne.',
			'code'
		);
	return invitation;
}
