// Demonstration follow-up: the first residents' ideas are linked to the
// fiche the suggestions rank first; half of them have a decision, and one
// waits for the demo pilote's answer on a fiche she owns.
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { fillMissingSearchText } from '../contributions/search-text';
import { suggestFiches } from '../contributions/suggest';
import { decide, linkToFiche } from '../contributions/links';
import { applyToContributions } from '../contributions/triage';
import type { Decision } from '$lib/contribution-vocabulary';

const EXPLANATIONS: Record<Decision, string> = {
	prise_en_compte:
		'Votre idée est reprise dans cette action : elle sera mise en place sur votre territoire en 2027.',
	deja_en_cours: 'C’est déjà prévu dans cette action, qui a commencé cette année.',
	nouvelle_piste:
		'Votre idée ouvre une piste nouvelle : elle sera étudiée au prochain comité de suivi.',
	non_retenue:
		'Nous ne pouvons pas la retenir : ce service ne relève pas du Département. Nous avons transmis votre idée à la commune.',
	hors_champ: 'Cette demande ne concerne pas le schéma des solidarités.'
};
const CYCLE: Decision[] = ['prise_en_compte', 'deja_en_cours', 'nouvelle_piste', 'non_retenue'];

export async function seedDemoContributions(db: Db, agent: Actor): Promise<void> {
	await fillMissingSearchText(db);
	if (await db.selectFrom('contribution_link').select('id').limit(1).executeTakeFirst()) return;
	const contributions = await db
		.selectFrom('contribution')
		.select(['id', 'text'])
		.where('source', '=', 'consultation')
		.orderBy('id')
		.limit(12)
		.execute();
	for (const [i, c] of contributions.entries()) {
		const [best] = await suggestFiches(db, c.text, { limit: 1 });
		if (!best) continue;
		const link = await linkToFiche(db, agent, c.id, best.ficheId);
		if (i % 2 === 0) {
			const decision = CYCLE[(i / 2) % CYCLE.length];
			await decide(db, agent, link, { decision, explanation: EXPLANATIONS[decision] });
		}
	}
	const aidants = await db
		.selectFrom('contribution')
		.select('id')
		.where('search_text', 'like', '%aidants%')
		.where('source', '=', 'consultation')
		.orderBy('id')
		.executeTakeFirst();
	const piloteFiche = await db
		.selectFrom('fiche')
		.select('id')
		.where('ref', '=', 'AUT-28')
		.executeTakeFirst();
	if (aidants && piloteFiche) {
		const linked = await db
			.selectFrom('contribution_link')
			.select('id')
			.where('contribution_id', '=', aidants.id)
			.where('fiche_id', '=', piloteFiche.id)
			.executeTakeFirst();
		if (!linked) await linkToFiche(db, agent, aidants.id, piloteFiche.id);
		await applyToContributions(db, agent, [aidants.id], { kind: 'tag', tag: 'autonomie' });
	}
}
