// The invitation letters of a campaign, in one PDF to print: for each drawn
// address, a letter (the address placed for a window envelope, the personal
// code, three ways to answer) and, on its back, the answer coupon. In easy-
// to-read French when the campaign chose it. Reminders go, after the chosen
// delay, to the addresses that have not answered.
import type { Db } from '../../db/database';
import { nowForDb } from '../../db/codecs';
import { assertCan, type Actor } from '../../auth/permissions';
import { recordAudit } from '../../audit/audit';
import { ConflictError } from '../../errors';
import { getIdentity, type OrganisationIdentity } from '../../settings/identity';
import { getLogo } from '../../settings/logo';
import { createLetterDocument, letterHead, MARGIN, TEXT_WIDTH } from '../../pdf/letter';
import { formatParisDate } from '$lib/paris-time';
import { AGE_BANDS, PANEL_GENDERS } from '$lib/panel-vocabulary';
import { PANEL_CONSENT } from '../people';
import { campaignIsOver, campaignSummary, remindersDueOn, type CampaignSummary } from './campaigns';

export type LetterKind = 'lettres' | 'relances';

interface Recipient {
	id: number;
	code: string;
	addressLine: string;
	postalCode: string;
	communeName: string;
}

interface Wording {
	title: string;
	paragraphs: string[];
}

const frenchDay = (day: string) => formatParisDate(new Date(`${day}T12:00:00Z`));

function wording(campaign: CampaignSummary, kind: LetterKind, firstSent: string): Wording {
	const until = frenchDay(campaign.closesOn);
	if (campaign.falc)
		return {
			title:
				kind === 'relances'
					? 'Rappel : vous pouvez encore donner votre avis'
					: 'Vous pouvez donner votre avis au Département',
			paragraphs: [
				...(kind === 'relances'
					? [`Nous vous avons écrit le ${firstSent}. Vous n’avez pas encore répondu.`]
					: []),
				'Votre adresse a été tirée au sort.',
				'Le Département cherche des habitantes et des habitants pour donner leur avis.',
				'Par exemple sur l’aide aux personnes âgées, le logement ou l’emploi.',
				'Vous n’avez pas besoin de savoir des choses avant.',
				'C’est gratuit. Vous pouvez arrêter quand vous voulez.',
				`Répondez avant le ${until}.`
			]
		};
	return {
		title:
			kind === 'relances'
				? 'Rappel : votre invitation au panel des habitant·es'
				: 'Vous êtes invité·e à rejoindre le panel des habitant·es',
		paragraphs: [
			...(kind === 'relances'
				? [
						`Nous vous avons écrit le ${firstSent} pour vous inviter à rejoindre le panel. Nous n’avons pas encore reçu de réponse de votre foyer : il est encore temps.`
					]
				: []),
			'Votre adresse a été tirée au sort parmi toutes les adresses du département. Le Département construit ses politiques de solidarité (enfance et familles, autonomie, emploi, logement, santé) avec celles et ceux qui les vivent, et cherche des personnes de tous les âges et de toutes les communes, en particulier celles qu’on entend peu.',
			'Le panel réunit des habitant·es qui donnent leur avis : ateliers, consultations, rencontres près de chez vous. Il n’y a rien à savoir à l’avance. Participer est gratuit et libre ; vous pouvez arrêter à tout moment.',
			'Une personne du foyer, de votre choix, peut répondre à cette lettre.',
			`Répondez avant le ${until}, de la façon qui vous convient.`
		]
	};
}

function waysToAnswer(identity: OrganisationIdentity, origin: string, code: string, falc: boolean) {
	const site = origin.replace(/^https?:\/\//, '');
	return [
		falc
			? `Sur internet : allez sur ${site}/invitation et écrivez votre code.`
			: `Sur internet : ${site}/invitation, avec votre code.`,
		falc
			? `Par téléphone : appelez le ${identity.servicePhone} (${identity.serviceHours}). Donnez votre code.`
			: `Par téléphone : ${identity.servicePhone} (${identity.serviceHours}), en donnant votre code.`,
		falc
			? 'Par courrier : remplissez le coupon au dos. Envoyez-le à l’adresse en haut de la lettre.'
			: 'Par courrier : remplissez le coupon au dos et renvoyez-le à l’adresse en haut de cette lettre.'
	].map((text, i) => `${i + 1}. ${text}`);
}

function writeLetter(
	doc: PDFKit.PDFDocument,
	campaign: CampaignSummary,
	recipient: Recipient,
	context: {
		identity: OrganisationIdentity;
		logo: { bytes: Buffer } | null;
		origin: string;
		today: string;
		words: Wording;
	}
) {
	const { identity, words } = context;
	const falc = campaign.falc;
	const size = falc ? 14 : 11.5;
	const gap = falc ? 4 : 2;
	letterHead(doc, {
		identity,
		logo: context.logo,
		address: [
			'Aux habitant·es du',
			recipient.addressLine,
			`${recipient.postalCode} ${recipient.communeName}`
		],
		date: context.today
	});
	doc
		.font('bold')
		.fontSize(size + 4)
		.text(words.title, { width: TEXT_WIDTH });
	doc.moveDown(0.6);
	doc.font('regular').fontSize(size).text('Bonjour,', { width: TEXT_WIDTH });
	doc.moveDown(0.4);
	for (const paragraph of words.paragraphs) {
		doc.text(paragraph, { width: TEXT_WIDTH, lineGap: gap });
		doc.moveDown(falc ? 0.2 : 0.4);
	}
	doc.moveDown(0.4);
	const boxTop = doc.y;
	doc
		.font('bold')
		.fontSize(size + 2)
		.text(`Votre code : ${recipient.code}`, MARGIN + 12, boxTop + 10, {
			width: TEXT_WIDTH - 24
		});
	doc.font('regular').fontSize(size);
	for (const way of waysToAnswer(identity, context.origin, recipient.code, falc))
		doc.text(way, { width: TEXT_WIDTH - 24, lineGap: gap });
	doc
		.roundedRect(MARGIN, boxTop, TEXT_WIDTH, doc.y - boxTop + 10, 6)
		.lineWidth(1.5)
		.stroke();
	doc.x = MARGIN;
	doc.y += 20;
	doc
		.fontSize(falc ? 12 : 9.5)
		.text(
			falc
				? `Si vous ne répondez pas, nous effaçons votre adresse le ${frenchDay(campaign.closesOn)}.`
				: `Votre adresse vient de la Base Adresse Nationale (données publiques). Si personne ne répond, elle est effacée à la fin de la campagne, le ${frenchDay(campaign.closesOn)}. Vos droits : ${context.origin.replace(/^https?:\/\//, '')}/donnees-personnelles.`,
			{ width: TEXT_WIDTH }
		);
	doc.text(`${identity.serviceName} — ${identity.organisationName}`, { width: TEXT_WIDTH });
	writeCoupon(doc, recipient, identity, falc);
}

/** The back of the letter: the coupon an agent types in. */
function writeCoupon(
	doc: PDFKit.PDFDocument,
	recipient: Recipient,
	identity: OrganisationIdentity,
	falc: boolean
) {
	doc.addPage();
	const size = falc ? 13 : 11.5;
	const line = (label: string) => {
		const y = doc.y + 6;
		doc.font('regular').fontSize(size).text(label, MARGIN, y, { width: 150 });
		doc
			.moveTo(MARGIN + 150, y + size + 2)
			.lineTo(MARGIN + TEXT_WIDTH, y + size + 2)
			.lineWidth(0.75)
			.stroke();
		doc.x = MARGIN;
		doc.y = y + size + 12;
	};
	const boxes = (options: string[]) => {
		doc.font('regular').fontSize(size);
		for (const option of options) {
			const y = doc.y + 2;
			doc
				.rect(MARGIN, y + 1, size, size)
				.lineWidth(1)
				.stroke();
			doc.text(option, MARGIN + size + 8, y, { width: TEXT_WIDTH - size - 8 });
			doc.x = MARGIN;
		}
	};
	doc
		.font('bold')
		.fontSize(size + 5)
		.text('Coupon-réponse', MARGIN, MARGIN, { width: TEXT_WIDTH });
	doc
		.font('bold')
		.fontSize(size + 1)
		.text(`Code : ${recipient.code}`, { width: TEXT_WIDTH });
	doc
		.font('regular')
		.fontSize(size)
		.text(
			`À renvoyer à : ${identity.serviceName}, ${identity.organisationName}, ${identity.organisationAddress}`,
			{ width: TEXT_WIDTH }
		);
	doc.moveDown();
	boxes(['Oui, je veux participer au panel.', 'Non merci, je ne souhaite pas participer.']);
	doc.moveDown();
	doc.font('bold').text('Si vous avez coché oui :', { width: TEXT_WIDTH });
	line('Prénom');
	line('Nom');
	line('Téléphone');
	line('Adresse e-mail');
	doc.moveDown(0.5);
	doc.font('bold').fontSize(size).text('Votre âge :', { width: TEXT_WIDTH });
	boxes(AGE_BANDS.map((band) => band.label));
	doc.moveDown(0.5);
	doc.font('bold').fontSize(size).text('Vous êtes (si vous le souhaitez) :', { width: TEXT_WIDTH });
	boxes([...PANEL_GENDERS]);
	doc.moveDown(0.8);
	boxes([PANEL_CONSENT.text]);
	doc.moveDown();
	line('Date et signature');
}

/**
 * The letters (every invitation) or the reminders (those still unanswered,
 * once the delay is past) as one PDF; the first printing is recorded.
 */
export async function campaignLetters(
	db: Db,
	actor: Actor | null,
	campaignId: number,
	options: { origin: string; kind: LetterKind; now?: Date }
): Promise<{ fileName: string; pdf: Buffer; count: number }> {
	assertCan(actor, 'panel.manage');
	const now = options.now ?? new Date();
	const campaign = await campaignSummary(db, campaignId);
	if (campaignIsOver(campaign, now))
		throw new ConflictError('La campagne est finie : ses adresses sont effacées.');
	if (options.kind === 'relances') {
		const due = remindersDueOn(campaign);
		if (!due)
			throw new ConflictError('Imprimez d’abord les lettres : les relances viennent après.');
		if (due > now)
			throw new ConflictError(`Les relances seront prêtes le ${formatParisDate(due)}.`);
	}
	let query = db
		.selectFrom('invitation as i')
		.innerJoin('commune', 'commune.insee_code', 'i.commune_insee_code')
		.select(['i.id', 'i.code', 'i.address_line', 'i.postal_code', 'commune.name'])
		.where('i.campaign_id', '=', campaignId)
		.where('i.code', 'is not', null)
		.orderBy('i.postal_code')
		.orderBy('i.id');
	if (options.kind === 'relances') query = query.where('i.answered_at', 'is', null);
	const recipients: Recipient[] = (await query.execute()).map((r) => ({
		id: r.id,
		code: r.code!,
		addressLine: r.address_line ?? '',
		postalCode: r.postal_code ?? '',
		communeName: r.name
	}));
	const [identity, logo] = await Promise.all([getIdentity(db), getLogo(db)]);
	const today = formatParisDate(now);
	const words = wording(
		campaign,
		options.kind,
		campaign.lettersPrintedAt ? formatParisDate(campaign.lettersPrintedAt) : today
	);
	const { doc, finished } = createLetterDocument({
		title: `${campaign.title} — ${options.kind === 'relances' ? 'relances' : 'lettres'}`,
		author: identity.organisationName
	});
	if (!recipients.length)
		doc
			.font('regular')
			.fontSize(14)
			.text('Aucune lettre à imprimer : toutes les adresses ont répondu.');
	for (const [i, recipient] of recipients.entries()) {
		if (i > 0) doc.addPage();
		writeLetter(doc, campaign, recipient, { identity, logo, origin: options.origin, today, words });
	}
	doc.end();
	const pdf = await finished;

	await db.transaction().execute(async (tx) => {
		const at = nowForDb();
		if (options.kind === 'lettres' && !campaign.lettersPrintedAt)
			await tx
				.updateTable('invitation_campaign')
				.set({ letters_printed_at: at })
				.where('id', '=', campaignId)
				.execute();
		if (options.kind === 'relances') {
			await tx
				.updateTable('invitation_campaign')
				.set({ reminders_printed_at: at })
				.where('id', '=', campaignId)
				.where('reminders_printed_at', 'is', null)
				.execute();
			await tx
				.updateTable('invitation')
				.set({ reminded_at: at })
				.where('campaign_id', '=', campaignId)
				.where('answered_at', 'is', null)
				.where('reminded_at', 'is', null)
				.execute();
		}
		await recordAudit(tx, {
			actor,
			action:
				options.kind === 'relances'
					? 'invitation_campaign.reminders'
					: 'invitation_campaign.letters',
			entityType: 'invitation_campaign',
			entityId: campaignId,
			after: { letters: recipients.length }
		});
	});
	return {
		fileName: `invitations-${campaignId}-${options.kind}.pdf`,
		pdf,
		count: recipients.length
	};
}
