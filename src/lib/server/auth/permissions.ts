// The one place that decides who may do what. Services call assertCan();
// pages use can() only to hide what the service would refuse anyway.
import { ForbiddenError } from '../errors';

export const ROLES = ['admin', 'agent', 'pilote', 'membre', 'habitant'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	admin: 'Administrateur ou administratrice',
	agent: 'Chargé·e de participation',
	pilote: 'Pilote de fiche-action',
	membre: 'Membre du panel ou d’un groupe',
	habitant: 'Habitant·e'
};

export const PERMISSIONS = {
	'backoffice.access': ['admin', 'agent', 'pilote'],
	'users.manage': ['admin'],
	'reference.manage': ['admin'],
	'settings.manage': ['admin'],
	/** Retention periods and runs, people's rights requests, the register of processing. */
	'privacy.manage': ['admin'],
	/** The RGAA audit grid, the multi-year plan and the accessibility statement. */
	'accessibility.manage': ['admin'],
	'audit.read': ['admin'],
	'outbox.read': ['admin'],
	'fiches.import': ['admin', 'agent'],
	'fiches.edit': ['admin', 'agent'],
	'reviews.manage': ['admin', 'agent'],
	'consultations.manage': ['admin', 'agent'],
	'consultations.enter': ['admin', 'agent'],
	'consultations.results': ['admin', 'agent', 'pilote'],
	'consultations.export_personal': ['admin'],
	'events.manage': ['admin', 'agent'],
	'panel.manage': ['admin', 'agent'],
	'groups.manage': ['admin', 'agent'],
	'contributions.manage': ['admin', 'agent'],
	/** Pilotes only for the contributions linked to the fiches they own (checked in the service). */
	'contributions.answer': ['admin', 'agent', 'pilote'],
	'contributions.moderate': ['admin', 'agent'],
	'retours.manage': ['admin', 'agent']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Who acts: a signed-in user, or null for an anonymous visitor. */
export interface Actor {
	id: number;
	role: Role;
	displayName: string;
}

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

export function can(actor: Actor | null, permission: Permission): boolean {
	return actor !== null && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
	if (!can(actor, permission)) throw new ForbiddenError();
}
