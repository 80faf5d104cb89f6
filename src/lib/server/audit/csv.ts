import { csvDateTime, writeCsv } from '../csv';
import type { DescribedAuditEntry } from './audit';
import { entityLabel } from './describe';

/** The journal as a spreadsheet: one line per entry, its changes in one cell. */
export function auditCsv(entries: DescribedAuditEntry[]): string {
	return writeCsv([
		['date (heure de Paris)', 'par', 'modification', 'élément', 'référence', 'changements', 'code'],
		...entries.map((e) => [
			csvDateTime(e.createdAt),
			e.actorLabel,
			e.sentence,
			entityLabel(e.entityType),
			e.entityId ?? '',
			e.changes
				.map((c) =>
					c.before && c.after
						? `${c.field} : ${c.before} → ${c.after}`
						: `${c.field} : ${c.after || c.before}`
				)
				.join('\n'),
			e.action
		])
	]);
}
