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
import { createRetour, publishRetour } from '../retours/manage';

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

const RETOUR_BODY = `Merci aux habitantes et aux habitants qui ont répondu à « Mon avis citoyen » en 2023.

## Ce que vous nous avez dit

Vous avez surtout parlé de **transport** pour venir aux rendez-vous, de **démarches en ligne** trop
difficiles et du **répit** des aidants.

## Ce que nous en faisons

Chaque idée écrite a été lue et reliée aux actions du schéma des solidarités qu'elle concerne. Vous
trouverez ci-dessous la suite donnée, action par action.`;

const RETOUR_FALC = `Vous avez donné votre avis en 2023. Merci.

Nous avons lu toutes vos idées.

Beaucoup d'idées parlent des transports, d'internet et des aidants.

Pour chaque idée, nous disons ce que nous faisons.`;

/** The published retour of the 2023 residents' consultation. */
export async function seedDemoRetour(db: Db, agent: Actor): Promise<void> {
	if (await db.selectFrom('retour').select('id').limit(1).executeTakeFirst()) return;
	const consultation = await db
		.selectFrom('consultation')
		.select('id')
		.where('slug', '=', 'mon-avis-citoyen-2023-habitants')
		.executeTakeFirst();
	if (!consultation) return;
	const id = await createRetour(db, agent, {
		title: 'Mon avis citoyen 2023 : ce que nous avons fait de vos idées',
		slug: 'mon-avis-citoyen-2023',
		body: RETOUR_BODY,
		falcBody: RETOUR_FALC,
		consultationId: consultation.id,
		eventIds: []
	});
	await publishRetour(db, agent, id);
}
