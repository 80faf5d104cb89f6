// Letters for people reached only by post: one personalised letter each,
// in easy-to-read French when they asked for it, ready to print as one
// PDF (pdfkit, with the Atkinson Hyperlegible font the site uses).
import { getIdentity } from '../settings/identity';
import { getLogo } from '../settings/logo';
import { formatParisDate } from '$lib/paris-time';
import { marked, type Token } from 'marked';
import type { Db } from '../db/database';
import { nowForDb, fromDbBool } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { NotFoundError } from '../errors';
import { createLetterDocument, letterHead } from '../pdf/letter';

/** Markdown as blocks of plain text a letter can print. */
function blocks(markdown: string): { heading: boolean; text: string }[] {
	const plain = (tokens: Token[] | undefined, raw: string): string =>
		tokens
			? tokens
					.map((t) =>
						'tokens' in t && t.tokens ? plain(t.tokens, t.raw) : 'text' in t ? t.text : t.raw
					)
					.join('')
			: raw;
	const out: { heading: boolean; text: string }[] = [];
	for (const token of marked.lexer(markdown)) {
		if (token.type === 'heading')
			out.push({ heading: true, text: plain(token.tokens, token.text) });
		else if (token.type === 'paragraph')
			out.push({ heading: false, text: plain(token.tokens, token.text) });
		else if (token.type === 'list')
			for (const item of token.items)
				out.push({ heading: false, text: `•  ${plain(item.tokens, item.text)}` });
	}
	return out;
}

export async function retourLetters(
	db: Db,
	actor: Actor | null,
	retourId: number,
	options: { origin: string }
): Promise<{ fileName: string; pdf: Buffer; count: number }> {
	assertCan(actor, 'retours.manage');
	const identity = await getIdentity(db);
	const logo = await getLogo(db);
	const retour = await db
		.selectFrom('retour')
		.select(['id', 'slug', 'title', 'body', 'falc_body'])
		.where('id', '=', retourId)
		.executeTakeFirst();
	if (!retour) throw new NotFoundError('Retour introuvable.');
	const letters = await db
		.selectFrom('retour_delivery as d')
		.innerJoin('retour_request as r', 'r.id', 'd.request_id')
		.select(['d.id', 'r.name', 'r.postal_address', 'r.falc'])
		.where('d.retour_id', '=', retourId)
		.where('d.channel', '=', 'courrier')
		.where('r.unsubscribed_at', 'is', null)
		.orderBy('d.id')
		.execute();

	const { doc, finished } = createLetterDocument({
		title: retour.title,
		author: identity.organisationName
	});
	const today = formatParisDate(new Date());

	if (!letters.length) {
		doc
			.font('regular')
			.fontSize(14)
			.text('Aucune lettre à imprimer : personne n’a demandé ce retour par courrier.');
	}
	for (const [i, letter] of letters.entries()) {
		if (i > 0) doc.addPage();
		const falc = fromDbBool(letter.falc) && retour.falc_body.trim() !== '';
		const size = falc ? 14 : 12;
		letterHead(doc, {
			identity,
			logo,
			address: [letter.name ?? '', letter.postal_address ?? ''],
			date: today
		});
		doc
			.font('bold')
			.fontSize(size + 4)
			.text(retour.title, { width: 480 });
		doc.moveDown();
		doc
			.font('regular')
			.fontSize(size)
			.text(letter.name ? `Bonjour ${letter.name},` : 'Bonjour,');
		doc.moveDown(0.5);
		for (const block of blocks(falc ? retour.falc_body : retour.body)) {
			doc
				.font(block.heading ? 'bold' : 'regular')
				.fontSize(block.heading ? size + 2 : size)
				.text(block.text, { width: 480, lineGap: falc ? 4 : 2 });
			doc.moveDown(0.5);
		}
		doc.moveDown();
		doc
			.font('regular')
			.fontSize(size)
			.text(`Le retour complet, avec ses chiffres : ${options.origin}/retours/${retour.slug}`, {
				width: 480
			});
		doc.text(`Pour suivre vos idées avec votre code : ${options.origin}/suivi`, { width: 480 });
		doc.moveDown();
		doc.text(`${identity.serviceName} — ${identity.organisationName}`, { width: 480 });
		doc.text(
			`Une question ? Appelez le ${identity.servicePhone} (${identity.serviceHours}) ou écrivez à ${identity.serviceEmail}.`,
			{ width: 480 }
		);
	}
	doc.end();
	const pdf = await finished;

	if (letters.length)
		await db.transaction().execute(async (tx) => {
			const now = nowForDb();
			for (const letter of letters)
				await tx
					.updateTable('retour_delivery')
					.set((eb) => ({ status: 'envoye', sent_at: now, attempts: eb('attempts', '+', 1) }))
					.where('id', '=', letter.id)
					.execute();
			await recordAudit(tx, {
				actor,
				action: 'retour.letters',
				entityType: 'retour',
				entityId: retourId,
				after: { letters: letters.length }
			});
		});
	return {
		fileName: `retour-${retour.slug}-lettres.pdf`,
		pdf,
		count: letters.length
	};
}
