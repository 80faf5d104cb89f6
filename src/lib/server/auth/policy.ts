// The rules on rows, in one place: on top of what a role may do everywhere
// (permissions.ts), what an actor may do on one fiche, one contribution, one
// link, one meeting. Each rule names who may act on every row, who may act on
// their own rows, what « own » means (an access query in row-access.ts), and
// what a refused person is told. Services call authorize() before acting and
// narrow their lists with the scopes below; the access table (access.ts) and
// the browser access matrix name these same rules.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database';
import { ForbiddenError, NotFoundError } from '../errors';
import { can, type Actor, type Permission } from './permissions';
import {
	contributionOnOwnedFiche,
	ficheOwnedBy,
	linkOnOwnedFiche,
	linksOnOwnedFiches,
	meetingMembership,
	ownsFiche
} from './row-access';

interface RowRule {
	/** Holders of this permission act on every row; null: nobody does. */
	everywhere: Permission | null;
	/** Who may act on their own rows: a permission, any account, or anyone. */
	own: Permission | 'signedIn' | 'public';
	/** The rule, as the access table states it. */
	description: string;
	/** Someone else's row is refused (403) or, where its existence is private, not found (404). */
	refusal: { as: 'forbidden' | 'not-found'; message: string };
}

export const ROW_RULES = {
	'fiche.edit': {
		everywhere: 'fiches.edit',
		own: 'backoffice.access',
		description: 'un pilote seulement sur les fiches-actions dont il est pilote',
		refusal: {
			as: 'forbidden',
			message: 'Seuls les agents et le pilote de cette fiche-action peuvent la modifier.'
		}
	},
	'review.fill': {
		everywhere: 'reviews.manage',
		own: 'backoffice.access',
		description: 'un pilote seulement sur le bilan des fiches-actions dont il est pilote',
		refusal: {
			as: 'forbidden',
			message: 'Seuls les agents et le pilote de cette fiche-action remplissent son bilan.'
		}
	},
	'fiche.contributions': {
		everywhere: 'contributions.manage',
		own: 'contributions.answer',
		description: 'un pilote seulement sur les contributions de ses fiches-actions',
		refusal: {
			as: 'forbidden',
			message: 'Seuls les agents et le pilote de cette fiche-action voient ses contributions.'
		}
	},
	'contribution.read': {
		everywhere: 'contributions.manage',
		own: 'contributions.answer',
		description: 'un pilote seulement sur les contributions reliées à ses fiches-actions',
		refusal: { as: 'not-found', message: 'Contribution introuvable.' }
	},
	'contribution.answer': {
		everywhere: 'contributions.manage',
		own: 'contributions.answer',
		description: 'un pilote répond seulement sur les liens vers ses fiches-actions',
		refusal: { as: 'forbidden', message: 'Seul le pilote de cette fiche-action peut y répondre.' }
	},
	'meeting.read': {
		everywhere: 'events.manage',
		own: 'public',
		description: 'une réunion de groupe seulement pour ses membres actuels et l’équipe',
		refusal: { as: 'not-found', message: 'Cet événement est introuvable.' }
	},
	'meeting.answer': {
		everywhere: null,
		own: 'signedIn',
		description: 'un membre répond seulement aux réunions de ses groupes',
		refusal: { as: 'forbidden', message: 'Cette réunion est réservée aux membres du groupe.' }
	}
} as const satisfies Record<string, RowRule>;

export type RowAction = keyof typeof ROW_RULES;

interface RowResources {
	'fiche.edit': { ficheId: number };
	'review.fill': { ficheId: number };
	'fiche.contributions': { ficheId: number };
	'contribution.read': { contributionId: number };
	'contribution.answer': { linkId: number };
	'meeting.read': { eventId: number };
	'meeting.answer': { eventId: number };
}

/** Whether the row is the actor's own under the rule (the actor is signed in). */
const OWNS: {
	[A in RowAction]: (db: Executor, actor: Actor | null, row: RowResources[A]) => Promise<boolean>;
} = {
	'fiche.edit': async (db, actor, { ficheId }) => !!actor && ownsFiche(db, actor.id, ficheId),
	'review.fill': async (db, actor, { ficheId }) => !!actor && ownsFiche(db, actor.id, ficheId),
	'fiche.contributions': async (db, actor, { ficheId }) =>
		!!actor && ownsFiche(db, actor.id, ficheId),
	'contribution.read': async (db, actor, { contributionId }) =>
		!!actor && (await linksOnOwnedFiches(db, actor.id, contributionId)).length > 0,
	'contribution.answer': async (db, actor, { linkId }) =>
		!!actor && linkOnOwnedFiche(db, actor.id, linkId),
	'meeting.read': async (db, actor, { eventId }) => {
		const { groupMeeting, member } = await meetingMembership(db, actor?.id ?? null, eventId);
		return !groupMeeting || member;
	},
	'meeting.answer': async (db, actor, { eventId }) =>
		!!actor && (await meetingMembership(db, actor.id, eventId)).member
};

type ActorOf<A extends RowAction> = (typeof ROW_RULES)[A]['own'] extends 'public'
	? Actor | null
	: Actor;

function refuse(action: RowAction): never {
	const { refusal } = ROW_RULES[action];
	throw refusal.as === 'not-found'
		? new NotFoundError(refusal.message)
		: new ForbiddenError(refusal.message);
}

function holdsOwn(actor: Actor | null, own: RowRule['own']): boolean {
	if (own === 'public') return true;
	if (own === 'signedIn') return actor !== null;
	return can(actor, own);
}

function actsEverywhere(actor: Actor | null, action: RowAction): boolean {
	const everywhere: Permission | null = ROW_RULES[action].everywhere;
	return everywhere !== null && can(actor, everywhere);
}

/**
 * Refuses, as the rule says, an actor who may not do `action` on this row;
 * returns the actor otherwise (signed in, unless the rule lets anyone act).
 */
export async function authorize<A extends RowAction>(
	db: Executor,
	actor: Actor | null,
	action: A,
	row: RowResources[A]
): Promise<ActorOf<A>> {
	const rule: RowRule = ROW_RULES[action];
	if (actsEverywhere(actor, action)) return actor as ActorOf<A>;
	if (!holdsOwn(actor, rule.own)) throw new ForbiddenError();
	if (!(await OWNS[action](db, actor, row))) refuse(action);
	return actor as ActorOf<A>;
}

/** The same question without refusing: for pages that show or hide a control. */
export async function allowed<A extends RowAction>(
	db: Executor,
	actor: Actor | null,
	action: A,
	row: RowResources[A]
): Promise<boolean> {
	if (actsEverywhere(actor, action)) return true;
	if (!holdsOwn(actor, ROW_RULES[action].own)) return false;
	return OWNS[action](db, actor, row);
}

const EVERY_ROW = sql<SqlBool>`1 = 1`;

/**
 * A condition for a query over `fiche`: every fiche for those who act
 * everywhere, their own for the others. The actor holds the rule's `own`.
 */
export function ficheScope(actor: Actor, rule: 'fiche.edit' | 'review.fill'): Expression<SqlBool> {
	return actsEverywhere(actor, rule) ? EVERY_ROW : ficheOwnedBy(actor.id);
}

/** A condition for a query over contributions, whose id column is named. */
export function contributionScope(actor: Actor, contributionIdColumn: string): Expression<SqlBool> {
	return actsEverywhere(actor, 'contribution.read')
		? EVERY_ROW
		: contributionOnOwnedFiche(actor.id, contributionIdColumn);
}

/** Of a contribution's links, those the actor may answer. */
export async function answerableLinks(
	db: Executor,
	actor: Actor | null,
	contributionId: number,
	linkIds: number[]
): Promise<number[]> {
	if (actsEverywhere(actor, 'contribution.answer')) return linkIds;
	if (!actor || !holdsOwn(actor, ROW_RULES['contribution.answer'].own)) return [];
	const own = new Set(await linksOnOwnedFiches(db, actor.id, contributionId));
	return linkIds.filter((id) => own.has(id));
}
