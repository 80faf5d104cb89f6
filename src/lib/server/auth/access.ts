// Who may open each protected page and use each of its form actions, in one
// table. The server refuses a form action before it runs (hooks.server.ts),
// and refuses any request to a protected area that the table does not name,
// so a new page or action cannot ship without a rule. Loads keep their own
// guard; services check the same permissions again, and the rules on rows
// (a pilote's own fiches, a member's own groups), which the table names.
// The browser access test walks this table for every role.
import { can, type Actor, type Permission } from './permissions';
import type { RowAction } from './policy';

/**
 * A permission; `signedIn`: any account; `token`: anyone holding the secret
 * link (the page shows personal data, so it is never cached and an unknown
 * token is a 404); `public`: anyone.
 */
export type AccessRule = Permission | 'signedIn' | 'token' | 'public';

export interface RouteAccess {
	view: AccessRule;
	actions?: Record<string, AccessRule>;
	/** The rules on rows (policy.ts) the services enforce on top of `view` and `actions`. */
	rows?: RowAction[];
}

const all = (rule: AccessRule, ...names: string[]) =>
	Object.fromEntries(names.map((name) => [name, rule]));

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
	'/admin': { view: 'backoffice.access' },
	'/admin/bilans': { view: 'backoffice.access', actions: { default: 'reviews.manage' } },
	'/admin/bilans/[year=year]': {
		view: 'backoffice.access',
		actions: all('reviews.manage', 'validate', 'publish'),
		rows: ['review.fill']
	},
	'/admin/bilans/[year=year]/[ref=ref]': {
		view: 'backoffice.access',
		actions: { default: 'backoffice.access' },
		rows: ['review.fill']
	},
	'/admin/consultations': { view: 'consultations.results' },
	'/admin/consultations/nouvelle': {
		view: 'consultations.manage',
		actions: { default: 'consultations.manage' }
	},
	'/admin/consultations/[id=id]': {
		view: 'consultations.results',
		actions: all('consultations.manage', 'settings', 'lifecycle', 'duplicate')
	},
	'/admin/consultations/[id=id]/apercu': { view: 'consultations.results' },
	'/admin/consultations/[id=id]/codes': {
		view: 'consultations.manage',
		actions: all('consultations.manage', 'generate', 'email')
	},
	'/admin/consultations/[id=id]/codes/[batch=id]': { view: 'consultations.manage' },
	'/admin/consultations/[id=id]/dictionnaire.csv': { view: 'consultations.results' },
	// With ?personnel=1 the service also asks for consultations.export_personal (administrators).
	'/admin/consultations/[id=id]/export.csv': { view: 'consultations.results' },
	'/admin/consultations/[id=id]/export.xlsx': { view: 'consultations.results' },
	'/admin/consultations/[id=id]/papier': { view: 'consultations.results' },
	'/admin/consultations/[id=id]/questionnaire': {
		view: 'consultations.manage',
		actions: all(
			'consultations.manage',
			'addSection',
			'updateSection',
			'moveSection',
			'duplicateSection',
			'deleteSection',
			'addQuestion',
			'moveQuestion',
			'duplicateQuestion',
			'deleteQuestion',
			'addProfile'
		)
	},
	'/admin/consultations/[id=id]/questions/[questionId=id]': {
		view: 'consultations.manage',
		actions: { default: 'consultations.manage' }
	},
	'/admin/consultations/[id=id]/reponses-libres': { view: 'consultations.results' },
	'/admin/consultations/[id=id]/resultats': { view: 'consultations.results' },
	'/admin/consultations/[id=id]/saisie': {
		view: 'consultations.enter',
		actions: { default: 'consultations.enter' }
	},
	'/admin/contributions': {
		view: 'contributions.answer',
		actions: all('contributions.manage', 'state', 'assign', 'tag'),
		rows: ['contribution.read']
	},
	'/admin/contributions/indicateurs': { view: 'contributions.manage' },
	'/admin/contributions/[id=id]': {
		view: 'contributions.answer',
		actions: {
			...all('contributions.manage', 'state', 'assign', 'tag', 'untag', 'link', 'unlink', 'merge'),
			decide: 'contributions.answer',
			...all('contributions.moderate', 'mask', 'unmask')
		},
		rows: ['contribution.read', 'contribution.answer']
	},
	'/admin/courriels': { view: 'outbox.read' },
	'/admin/themes': { view: 'contributions.manage', actions: { default: 'contributions.manage' } },
	'/admin/themes/vocabulaire': {
		view: 'contributions.manage',
		actions: { default: 'contributions.manage' }
	},
	'/admin/themes/[id=id]': {
		view: 'contributions.manage',
		actions: all('contributions.manage', 'rename', 'validate', 'merge', 'split', 'rerun')
	},
	'/admin/themes/[id=id]/[themeId=id]': {
		view: 'contributions.manage',
		actions: all('contributions.manage', 'rename', 'move', 'link')
	},
	'/admin/evenements': { view: 'events.manage', actions: { addKind: 'events.manage' } },
	'/admin/evenements/nouveau': { view: 'events.manage', actions: { default: 'events.manage' } },
	'/admin/evenements/[id=id]': {
		view: 'events.manage',
		actions: all('events.manage', 'save', 'publish', 'cancel')
	},
	'/admin/evenements/[id=id]/compte-rendu': {
		view: 'events.manage',
		actions: all('events.manage', 'minutes', 'note')
	},
	'/admin/evenements/[id=id]/emargement': { view: 'events.manage' },
	'/admin/evenements/[id=id]/etapes': {
		view: 'events.manage',
		actions: all('events.manage', 'add', 'remove')
	},
	'/admin/evenements/[id=id]/inscriptions': {
		view: 'events.manage',
		actions: { needs: 'events.manage' }
	},
	'/admin/evenements/[id=id]/inscriptions.csv': { view: 'events.manage' },
	'/admin/evenements/[id=id]/presences': {
		view: 'events.manage',
		actions: all('events.manage', 'checkIn', 'undo', 'walkIn', 'close')
	},
	'/admin/evenements/[id=id]/programme': {
		view: 'events.manage',
		actions: all('events.manage', 'add', 'remove')
	},
	'/admin/fiches': { view: 'backoffice.access', rows: ['fiche.edit'] },
	'/admin/fiches/import': { view: 'fiches.import', actions: { default: 'fiches.import' } },
	'/admin/fiches/synonymes': { view: 'fiches.edit', actions: { default: 'fiches.edit' } },
	'/admin/fiches/[ref=ref]': {
		view: 'backoffice.access',
		actions: all('backoffice.access', 'content', 'status', 'addIndicator', 'removeIndicator'),
		rows: ['fiche.edit', 'fiche.contributions']
	},
	'/admin/groupes': { view: 'groups.manage' },
	'/admin/groupes/nouveau': { view: 'groups.manage', actions: { default: 'groups.manage' } },
	'/admin/groupes/[id=id]': {
		view: 'groups.manage',
		actions: all(
			'groups.manage',
			'update',
			'archive',
			'addPanel',
			'addOutside',
			'membership',
			'end',
			'account'
		)
	},
	'/admin/groupes/[id=id]/documents': {
		view: 'groups.manage',
		actions: all('groups.manage', 'add', 'remove')
	},
	'/admin/groupes/[id=id]/instances': {
		view: 'groups.manage',
		actions: all('groups.manage', 'add', 'seats', 'remove')
	},
	'/admin/accessibilite': {
		view: 'accessibility.manage',
		actions: all('accessibility.manage', 'info', 'plan')
	},
	'/admin/accessibilite/[theme=id]': {
		view: 'accessibility.manage',
		actions: { default: 'accessibility.manage' }
	},
	'/admin/donnees': {
		view: 'privacy.manage',
		actions: all('privacy.manage', 'periods', 'simulate', 'run')
	},
	'/admin/donnees/registre.csv': { view: 'privacy.manage' },
	'/admin/donnees/demandes': {
		view: 'privacy.manage',
		actions: all('privacy.manage', 'erase', 'correct')
	},
	'/admin/donnees/demandes/export.json': { view: 'privacy.manage' },
	'/admin/journal': { view: 'audit.read' },
	'/admin/journal.csv': { view: 'audit.read' },
	'/admin/panel': { view: 'panel.manage' },
	'/admin/panel/nouveau': { view: 'panel.manage', actions: { default: 'panel.manage' } },
	'/admin/panel/import': {
		view: 'panel.manage',
		actions: all('panel.manage', 'preview', 'import')
	},
	'/admin/panel/invitations': { view: 'panel.manage', actions: { base: 'panel.manage' } },
	'/admin/panel/invitations/nouvelle': {
		view: 'panel.manage',
		actions: { default: 'panel.manage' }
	},
	'/admin/panel/invitations/[id=id]': { view: 'panel.manage', actions: { close: 'panel.manage' } },
	'/admin/panel/invitations/[id=id]/reponse': {
		view: 'panel.manage',
		actions: all('panel.manage', 'yes', 'no')
	},
	'/admin/panel/invitations/[id=id]/lettres.pdf': { view: 'panel.manage' },
	'/admin/panel/invitations/[id=id]/relances.pdf': { view: 'panel.manage' },
	'/admin/panel/representativite': { view: 'panel.manage', actions: { targets: 'panel.manage' } },
	'/admin/panel/tirages': { view: 'panel.manage' },
	'/admin/panel/tirages/nouveau': {
		view: 'panel.manage',
		actions: all('panel.manage', 'compute', 'compare')
	},
	'/admin/panel/tirages/[id=id]': {
		view: 'panel.manage',
		actions: all('panel.manage', 'draw', 'answer', 'replace')
	},
	'/admin/panel/tirages/[id=id]/panels.csv': { view: 'panel.manage' },
	'/admin/panel/[id=id]': { view: 'panel.manage', actions: all('panel.manage', 'status', 'erase') },
	'/admin/parametres': {
		view: 'settings.manage',
		actions: all('settings.manage', 'department', 'identity', 'logo', 'disclosure')
	},
	'/admin/referentiel': {
		view: 'reference.manage',
		actions: all('reference.manage', 'epci', 'territory')
	},
	'/admin/referentiel/communes': { view: 'reference.manage' },
	'/admin/referentiel/communes/[insee]': {
		view: 'reference.manage',
		actions: { default: 'reference.manage' }
	},
	'/admin/referentiel/sites/nouveau': {
		view: 'reference.manage',
		actions: { default: 'reference.manage' }
	},
	'/admin/referentiel/sites/[id=id]': {
		view: 'reference.manage',
		actions: { default: 'reference.manage' }
	},
	'/admin/retours': { view: 'retours.manage', actions: { default: 'retours.manage' } },
	'/admin/retours/[id=id]': {
		view: 'retours.manage',
		actions: all('retours.manage', 'save', 'send', 'publish')
	},
	'/admin/retours/[id=id]/lettres.pdf': { view: 'retours.manage' },
	'/admin/utilisateurs': { view: 'users.manage' },
	'/admin/utilisateurs/nouveau': { view: 'users.manage', actions: { default: 'users.manage' } },
	'/admin/utilisateurs/[id=id]': { view: 'users.manage', actions: { default: 'users.manage' } },

	'/compte': { view: 'signedIn', actions: all('signedIn', 'profile', 'password', 'delete') },
	'/compte/export': { view: 'signedIn' },
	'/compte/mes-donnees': { view: 'signedIn' },
	'/compte/supprime': { view: 'public' },
	'/mes-contributions': { view: 'signedIn' },
	'/mes-groupes': {
		view: 'signedIn',
		actions: { answer: 'signedIn' },
		rows: ['meeting.answer']
	},

	'/donnees-personnelles/demande/[token]': { view: 'token', actions: { erase: 'token' } },
	'/inscriptions/[token]': { view: 'token', actions: { cancel: 'token', change: 'token' } },
	'/mot-de-passe-oublie/[token]': { view: 'token', actions: { default: 'token' } },
	'/panel/confirmation/[token]': { view: 'token', actions: { default: 'token' } },
	'/panel/inscription/[token]': {
		view: 'token',
		actions: all('token', 'leave', 'withdrawSituation', 'renew', 'correct')
	},
	'/retours/desabonnement/[token]': { view: 'token', actions: { default: 'token' } },
	'/suivi/desabonnement/[token]': { view: 'token', actions: { default: 'token' } }
};

/** Areas where every page and action must be named in the table. */
export const PROTECTED_AREAS = ['/admin', '/compte', '/mes-groupes', '/mes-contributions'];

export function inProtectedArea(routeId: string): boolean {
	return PROTECTED_AREAS.some((area) => routeId === area || routeId.startsWith(`${area}/`));
}

export function allows(rule: AccessRule, actor: Actor | null): boolean {
	if (rule === 'public' || rule === 'token') return true;
	if (rule === 'signedIn') return actor !== null;
	return can(actor, rule);
}

/** The form action a POST names: `?/name`, or `default`. */
export function actionName(url: URL): string {
	const match = /^\?\/([^&=]+)/.exec(url.search);
	return match ? decodeURIComponent(match[1]) : 'default';
}

export type AccessDecision = 'allowed' | 'sign-in' | 'forbidden' | 'undeclared';

export function decideAccess(
	routeId: string | null,
	method: string,
	url: URL,
	actor: Actor | null
): AccessDecision {
	if (!routeId) return 'allowed';
	const access = ROUTE_ACCESS[routeId];
	if (!access) return inProtectedArea(routeId) ? 'undeclared' : 'allowed';
	let rule: AccessRule = access.view;
	if (method === 'POST') {
		const declared = access.actions?.[actionName(url)];
		if (!declared) return 'undeclared';
		rule = declared;
	}
	if (allows(rule, actor)) return 'allowed';
	return actor ? 'forbidden' : 'sign-in';
}
