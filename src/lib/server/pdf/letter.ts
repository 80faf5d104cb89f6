// What every letter Concerto prints shares: an A4 pdfkit document in the
// Atkinson Hyperlegible font the site uses, the organisation's letterhead,
// and the recipient's address where a window envelope shows it.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { OrganisationIdentity } from '../settings/identity';

const require = createRequire(import.meta.url);
const FONT = (weight: 400 | 700) =>
	require.resolve(
		`@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-${weight}-normal.woff`
	);

export const MARGIN = 56;
/** The text width of a page, between the margins. */
export const TEXT_WIDTH = 480;

export interface LetterDocument {
	doc: PDFKit.PDFDocument;
	/** The PDF's bytes, once `doc.end()` is called. */
	finished: Promise<Buffer>;
}

export function createLetterDocument(info: { title: string; author: string }): LetterDocument {
	const doc = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		info: { Title: info.title, Author: info.author }
	});
	doc.registerFont('regular', FONT(400));
	doc.registerFont('bold', FONT(700));
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<Buffer>((resolve) =>
		doc.on('end', () => resolve(Buffer.concat(chunks)))
	);
	return { doc, finished };
}

// pdfkit embeds an image given as bytes again on every page: opened once, it is embedded once.
const logos = new WeakMap<PDFKit.PDFDocument, unknown>();
function openedLogo(doc: PDFKit.PDFDocument, bytes: Buffer): unknown {
	let image = logos.get(doc);
	if (!image) {
		image = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(bytes);
		logos.set(doc, image);
	}
	return image;
}

/**
 * The letterhead on the left, the address in the window of a DL envelope
 * on the right (from 310 pt across, 160 pt down), the date under it; the
 * text starts at 300 pt down.
 */
export function letterHead(
	doc: PDFKit.PDFDocument,
	options: {
		identity: OrganisationIdentity;
		logo: { bytes: Buffer } | null;
		address: string[];
		date: string;
	}
): void {
	const { identity, logo } = options;
	if (logo) {
		doc.image(openedLogo(doc, logo.bytes) as never, MARGIN, 40, { fit: [180, 52] });
		doc.x = MARGIN;
		doc.y = 104;
	} else {
		doc.x = MARGIN;
		doc.y = MARGIN;
	}
	doc.font('bold').fontSize(12).text(identity.organisationName, { width: 230 });
	doc.font('regular').text(identity.serviceName, { width: 230 });
	doc.text(identity.organisationAddress, { width: 230 });
	doc.text(`Téléphone : ${identity.servicePhone}`, { width: 230 });
	doc.font('regular').fontSize(12).text(options.address.filter(Boolean).join('\n'), 310, 160, {
		width: 230
	});
	doc.text(`Le ${options.date}`, 310, 250);
	doc.x = MARGIN;
	doc.y = 300;
}
