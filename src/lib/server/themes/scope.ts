// Which contributions an analysis groups, said two ways: a key that is the
// same for the same filters whatever their order, and a title in French.
import type { Executor } from '../db/database';
import {
	CONTRIBUTION_SOURCE_LABELS,
	CONTRIBUTION_STATE_LABELS
} from '$lib/contribution-vocabulary';
import type { InboxFilters } from '../contributions/inbox';

export function scopeKey(scope: InboxFilters): string {
	const entries = Object.entries(scope)
		.filter(([, value]) => value !== undefined && value !== null && value !== '')
		.sort(([a], [b]) => (a < b ? -1 : 1));
	return JSON.stringify(Object.fromEntries(entries));
}

export async function describeScope(db: Executor, scope: InboxFilters): Promise<string> {
	const [consultation, question, event, territory] = await Promise.all([
		scope.consultationId
			? db
					.selectFrom('consultation')
					.select('title')
					.where('id', '=', scope.consultationId)
					.executeTakeFirst()
			: undefined,
		scope.questionId
			? db
					.selectFrom('question')
					.select('label')
					.where('id', '=', scope.questionId)
					.executeTakeFirst()
			: undefined,
		scope.eventId
			? db.selectFrom('event').select('title').where('id', '=', scope.eventId).executeTakeFirst()
			: undefined,
		scope.territoryId
			? db
					.selectFrom('territory')
					.select('name')
					.where('id', '=', scope.territoryId)
					.executeTakeFirst()
			: undefined
	]);
	const parts: string[] = [];
	if (question) parts.push(`Réponses à « ${question.label} »`);
	if (consultation)
		parts.push(
			question ? `(${consultation.title})` : `Réponses libres de « ${consultation.title} »`
		);
	if (event) parts.push(`Contributions de « ${event.title} »`);
	if (!parts.length) parts.push('Contributions de la boîte de réception');
	const details: string[] = [];
	if (scope.source) details.push(CONTRIBUTION_SOURCE_LABELS[scope.source].toLowerCase());
	if (scope.state) details.push(`état « ${CONTRIBUTION_STATE_LABELS[scope.state]} »`);
	if (territory) details.push(territory.name);
	if (scope.tag) details.push(`étiquette « ${scope.tag} »`);
	if (scope.axis) details.push(`axe « ${scope.axis} »`);
	if (scope.q) details.push(`contenant « ${scope.q} »`);
	if (scope.from) details.push(`depuis le ${scope.from.split('-').reverse().join('/')}`);
	if (scope.to) details.push(`jusqu’au ${scope.to.split('-').reverse().join('/')}`);
	return details.length ? `${parts.join(' ')} : ${details.join(', ')}` : parts.join(' ');
}
