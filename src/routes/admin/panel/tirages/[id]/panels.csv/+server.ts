import type { RequestHandler } from './$types';
import { stringify } from 'csv-stringify/sync';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http';
import { idParam } from '$lib/server/consultations/admin-page';
import { getDraw } from '$lib/server/panel/draws';

/** The published list: panel number, then the pseudonyms on it; no names. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'panel.manage');
	const draw = await orHttpError(getDraw(getDb(), locals.actor, idParam(params.id)));
	const body = stringify([
		['numero', 'pseudonymes'],
		...draw.panels.map((panel, i) => [i + 1, panel.join(' ')])
	], { delimiter: ';' });
	return new Response(`\ufeff# ${draw.title} ; graine ${draw.seed} ; empreinte ${draw.inputsHash}\n${body}`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="tirage-${draw.id}-panels.csv"`
		}
	});
};
