// The first grid, filled honestly from what the project's own checks show:
// a criterion is « conforme » only where an automated check runs on every
// page the browser tests visit and a review of the code agrees, « non
// applicable » where the platform has no such content, and « non testé »
// everywhere else, waiting for a manual audit.
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import {
	getLatestAudit,
	saveAuditInfo,
	saveTheme,
	type CriterionStatus,
	RGAA_THEMES
} from './audit';

const AXE =
	'axe-core (règles WCAG 2.1 A et AA) passe sur chaque page visitée par les tests du navigateur, à chaque modification';

const EVIDENCE: Record<string, [CriterionStatus, string]> = {
	'2.1': ['NA', 'Aucun cadre (iframe) dans Concerto.'],
	'2.2': ['NA', 'Aucun cadre (iframe) dans Concerto.'],
	'3.2': ['C', `Contrastes : ${AXE} (règle color-contrast), thème clair et contraste renforcé.`],
	...Object.fromEntries(
		Array.from({ length: 13 }, (_, i) => [
			`4.${i + 1}`,
			['NA', 'Aucun média temporel (vidéo, audio) ni média non temporel dans Concerto.']
		])
	),
	'5.8': ['NA', 'Aucun tableau de mise en forme : les tableaux ne servent qu’aux données.'],
	'6.2': ['C', `Chaque lien a un intitulé : ${AXE} (règle link-name).`],
	'8.1': ['C', 'Chaque page a un type de document (gabarit SvelteKit, <!doctype html>).'],
	'8.3': ['C', `Langue par défaut : <html lang="fr"> ; ${AXE} (règle html-has-lang).`],
	'8.4': ['C', 'La langue déclarée (fr) est celle des pages.'],
	'8.5': ['C', `Chaque page a un titre : ${AXE} (règle document-title).`],
	'8.6': ['C', 'Revue du code : chaque titre nomme la page puis « Concerto ».'],
	'8.10': ['NA', 'Aucun texte écrit de droite à gauche.'],
	'9.2': [
		'C',
		'Gabarit commun : en-tête, navigation, contenu principal (main) et pied de page ; axe-core (règle region).'
	],
	'11.1': ['C', `Chaque champ a une étiquette : ${AXE} (règle label) ; composant de champ commun.`],
	'11.10': [
		'C',
		'Revue et tests : chaque erreur de saisie est expliquée en français à côté du champ et en haut du formulaire, avec ou sans JavaScript.'
	],
	'12.7': ['C', 'Lien d’évitement « Aller au contenu » en tête de chaque page (gabarit commun).']
};

const SAMPLE = [
	{ title: 'Accueil', url: '/' },
	{ title: 'Consultations', url: '/consultations' },
	{ title: 'Agenda', url: '/agenda' },
	{ title: 'Panel de résident·es', url: '/panel' },
	{ title: 'Connexion', url: '/connexion' },
	{ title: 'Mon compte', url: '/compte' },
	{ title: 'Données personnelles', url: '/donnees-personnelles' },
	{ title: 'Déclaration d’accessibilité', url: '/accessibilite' }
];

export async function seedDemoAccessibilityGrid(db: Db, admin: Actor): Promise<void> {
	if (await getLatestAudit(db)) return;
	await saveAuditInfo(db, admin, {
		auditedOn: '2026-12-01',
		auditor: 'L’équipe de Concerto (auto-évaluation, pas un audit indépendant)',
		sample: SAMPLE,
		environment:
			'Chromium (Debian) avec axe-core ; pages à 360 px et à 1 280 px de large, avec et sans JavaScript. Pas encore de test avec un lecteur d’écran.',
		tools: 'axe-core 4.x par Playwright ; revue du code source',
		technologies: 'HTML5, CSS, JavaScript (facultatif : chaque page fonctionne sans), SVG',
		derogations: '',
		exemptions: ''
	});
	for (const theme of RGAA_THEMES) {
		const values: Record<string, string> = {};
		for (const [id, [status, note]] of Object.entries(EVIDENCE)) {
			if (!id.startsWith(`${theme.number}.`)) continue;
			SAMPLE.forEach((_, page) => (values[`status.${id}.${page}`] = status));
			values[`note.${id}`] = note;
		}
		if (Object.keys(values).length) await saveTheme(db, admin, theme.number, values);
	}
}
