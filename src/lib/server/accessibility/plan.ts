// The multi-year accessibility plan (schéma pluriannuel, three years) and the
// current year's action plan, which the RGAA asks every public body to publish.
import { z } from 'zod';
import type { Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { readSetting, writeSetting } from '../settings/settings';

export const planSchema = z.object({
	firstYear: z.coerce
		.number({ error: 'Indiquez l’année de début.' })
		.int()
		.min(2020, 'Indiquez une année à partir de 2020.')
		.max(2100, 'Indiquez une année avant 2100.'),
	schema: z.string().trim().min(1, 'Décrivez le schéma pluriannuel.').max(20000),
	actionPlan: z.string().trim().min(1, 'Décrivez le plan d’action de l’année.').max(20000)
});
export type AccessibilityPlan = z.infer<typeof planSchema>;

export const DEFAULT_PLAN: AccessibilityPlan = {
	firstYear: 2026,
	schema: [
		'Le Département s’engage à rendre Concerto accessible à toutes et à tous, en particulier aux personnes en situation de handicap et aux personnes éloignées du numérique, que les politiques de solidarité concernent au premier chef.',
		'',
		'- **Organisation** : un ou une référente accessibilité au service participation ; chaque évolution de la plateforme est vérifiée automatiquement (axe-core, pages à 360 px, sans JavaScript) avant d’être mise en ligne.',
		'- **Audit** : un audit complet de la grille RGAA 4.1.2 chaque année, sur l’échantillon de pages de la déclaration.',
		'- **Formation** : les agents qui publient des contenus (consultations, retours, comptes rendus) sont formés à l’écriture accessible et au facile à lire.',
		'- **Participation** : le groupe ressource teste les nouveaux parcours avec les personnes concernées.'
	].join('\n'),
	actionPlan: [
		'- Terminer l’audit de la grille : critères encore non testés, avec un lecteur d’écran (NVDA et VoiceOver).',
		'- Vérifier l’affichage à 320 px de large et avec le texte agrandi à 200 %.',
		'- Rendre accessibles les documents PDF produits (lettres, questionnaires papier).',
		'- Faire tester le dépôt d’un avis et l’inscription à un atelier par le groupe ressource.'
	].join('\n')
};

const KEY = 'accessibility_plan';

export function getAccessibilityPlan(db: Executor): Promise<AccessibilityPlan> {
	return readSetting(db, KEY, DEFAULT_PLAN);
}

export async function saveAccessibilityPlan(
	db: Executor,
	actor: Actor | null,
	plan: AccessibilityPlan
): Promise<void> {
	assertCan(actor, 'accessibility.manage');
	await writeSetting(db, KEY, plan);
	await recordAudit(db, {
		actor,
		action: 'accessibility.plan_saved',
		entityType: 'setting',
		entityId: KEY
	});
}
