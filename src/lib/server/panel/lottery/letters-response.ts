// The two PDFs of a campaign page (letters, reminders) as downloads.
import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../../runtime';
import { requirePermission } from '../../web/guards';
import { orHttpError } from '../../web/http';
import { idParam } from '../../web/params';
import { pdfDownload } from '../../web/pdf-response';
import { campaignLetters, type LetterKind } from './letters';

export async function lettersResponse(
	{ locals, url, params }: Pick<RequestEvent<{ id: string }>, 'locals' | 'url' | 'params'>,
	kind: LetterKind
): Promise<Response> {
	const actor = requirePermission(locals, url, 'panel.manage');
	const { fileName, pdf } = await orHttpError(
		campaignLetters(getDb(), actor, idParam(params.id), { origin: locals.ctx.origin, kind })
	);
	return pdfDownload(pdf, fileName);
}
