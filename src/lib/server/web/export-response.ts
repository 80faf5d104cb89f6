// HTTP answers for the export files.
import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../runtime';
import { requirePermission } from './guards';
import { orHttpError } from './http';
import { idParam } from './params';
import { buildExport, codebookCsv, toCsv, toXlsx } from '../consultations/export';

export type ExportFormat = 'csv' | 'xlsx' | 'codebook';

export async function exportResponse(
	event: RequestEvent<{ id: string }>,
	format: ExportFormat
): Promise<Response> {
	const actor = requirePermission(event.locals, event.url, 'consultations.results');
	const personal = format === 'csv' && event.url.searchParams.get('personnel') === '1';
	const table = await orHttpError(
		buildExport(getDb(), actor, idParam(event.params.id), { personal })
	);
	const name = `${table.slug}${format === 'codebook' ? '-dictionnaire' : personal ? '-donnees-personnelles' : ''}`;
	const headers = (type: string, extension: string) => ({
		'Content-Type': type,
		'Content-Disposition': `attachment; filename="${name}.${extension}"`,
		'Cache-Control': 'private, no-store'
	});
	if (format === 'xlsx')
		return new Response(new Uint8Array(await toXlsx(table)), {
			headers: headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx')
		});
	const body = format === 'codebook' ? codebookCsv(table) : toCsv(table);
	return new Response(body, { headers: headers('text/csv; charset=utf-8', 'csv') });
}
