// What each role has to do today, counted from the data itself: the
// back-office opens on this list rather than on reference tables.
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { toDbDate } from '../db/codecs';
import { can, type Actor } from '../auth/permissions';
import { ficheOwnedBy } from '../auth/row-access';
import { formatParisShortDate } from '$lib/paris-time';
import { MAX_ATTEMPTS } from '../retours/delivery';

export interface TodoLink {
	label: string;
	href: string;
}

export interface TodoItem {
	/** Stable name, for tests and anchors. */
	key: string;
	count: number;
	/** What the count counts, agreed with it (« 1 contribution nouvelle »). */
	label: string;
	href: string;
	/** The first few places where the work is, when there are several. */
	links?: TodoLink[];
	/** Something that cannot wait (failed sending, overdue). */
	urgent?: boolean;
	/** A state said in words rather than a number of things to do. */
	countless?: boolean;
}

export interface TodoSection {
	title: string;
	items: TodoItem[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSING_SOON_DAYS = 7;
const LINKS_SHOWN = 5;

// French counts zero in the singular: « 0 contribution nouvelle ».
const plural = (n: number, one: string, many: string) => (n < 2 ? one : many);

function countOf(row: { n: number | string | bigint } | undefined): number {
	return Number(row?.n ?? 0);
}

async function officerItems(db: Db, now: Date): Promise<TodoItem[]> {
	const nowDb = toDbDate(now);
	const soon = toDbDate(new Date(now.getTime() + CLOSING_SOON_DAYS * DAY_MS));
	const [fresh, needs, waiting, closing, draws, drafts, pending, failed] = await Promise.all([
		db
			.selectFrom('contribution')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('triage_state', '=', 'nouvelle')
			.where('merged_into_id', 'is', null)
			.executeTakeFirst(),
		db
			.selectFrom('registration')
			.innerJoin('event', 'event.id', 'registration.event_id')
			.select(['event.id', 'event.title', 'event.starts_at'])
			.select((eb) => eb.fn.countAll().as('n'))
			.where('registration.status', '=', 'inscrit')
			.where('registration.needs', '!=', '[]')
			.where('registration.needs_arranged_at', 'is', null)
			.where('event.starts_at', '>', nowDb)
			.where('event.status', '!=', 'annule')
			.groupBy(['event.id', 'event.title', 'event.starts_at'])
			.orderBy('event.starts_at')
			.execute(),
		db
			.selectFrom('registration')
			.innerJoin('event', 'event.id', 'registration.event_id')
			.select(['event.id', 'event.title', 'event.starts_at'])
			.select((eb) => eb.fn.countAll().as('n'))
			.where('registration.status', '=', 'attente')
			.where('event.starts_at', '>', nowDb)
			.where('event.status', '!=', 'annule')
			.groupBy(['event.id', 'event.title', 'event.starts_at'])
			.orderBy('event.starts_at')
			.execute(),
		db
			.selectFrom('consultation')
			.select(['id', 'title', 'closes_at'])
			.where('published_at', 'is not', null)
			.where('closed_early_at', 'is', null)
			.where('opens_at', '<=', nowDb)
			.where('closes_at', '>', nowDb)
			.where('closes_at', '<=', soon)
			.orderBy('closes_at')
			.execute(),
		db
			.selectFrom('draw')
			.select(['id', 'title'])
			.where('drawn_at', 'is', null)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('retour')
			.select(['id', 'title'])
			.where('published_at', 'is', null)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('retour_delivery')
			.innerJoin('retour', 'retour.id', 'retour_delivery.retour_id')
			.select(['retour.id', 'retour.title'])
			.select((eb) => eb.fn.countAll().as('n'))
			.where((eb) =>
				eb.or([
					eb('retour_delivery.status', '=', 'en_attente'),
					eb.and([
						eb('retour_delivery.status', '=', 'echec'),
						eb('retour_delivery.attempts', '<', MAX_ATTEMPTS)
					])
				])
			)
			.groupBy(['retour.id', 'retour.title'])
			.execute(),
		db
			.selectFrom('retour_delivery')
			.innerJoin('retour', 'retour.id', 'retour_delivery.retour_id')
			.select(['retour.id', 'retour.title'])
			.select((eb) => eb.fn.countAll().as('n'))
			.where('retour_delivery.status', '=', 'echec')
			.where('retour_delivery.attempts', '>=', MAX_ATTEMPTS)
			.groupBy(['retour.id', 'retour.title'])
			.execute()
	]);
	const sum = (rows: { n: number | string | bigint }[]) =>
		rows.reduce((total, r) => total + Number(r.n), 0);
	const eventLinks = (rows: { id: number; title: string; starts_at: string; n: unknown }[]) =>
		rows.slice(0, LINKS_SHOWN).map((r) => ({
			label: `${r.title}, le ${formatParisShortDate(new Date(r.starts_at))} (${Number(r.n)})`,
			href: `/admin/evenements/${r.id}/inscriptions`
		}));
	const freshCount = countOf(fresh);
	const needsCount = sum(needs);
	const waitingCount = sum(waiting);
	const pendingCount = sum(pending);
	const failedCount = sum(failed);
	return [
		{
			key: 'contributions-nouvelles',
			count: freshCount,
			label: plural(freshCount, 'contribution nouvelle à lire', 'contributions nouvelles à lire'),
			href: '/admin/contributions?etat=nouvelle'
		},
		{
			key: 'besoins',
			count: needsCount,
			label: plural(
				needsCount,
				'besoin à organiser pour un événement à venir (transport, garde, interprète…)',
				'besoins à organiser pour des événements à venir (transport, garde, interprète…)'
			),
			href:
				needs.length === 1 ? `/admin/evenements/${needs[0].id}/inscriptions` : '/admin/evenements',
			links: needs.length > 1 ? eventLinks(needs) : undefined
		},
		{
			key: 'attente',
			count: waitingCount,
			label: plural(
				waitingCount,
				'personne en liste d’attente d’un événement à venir',
				'personnes en liste d’attente d’événements à venir'
			),
			href:
				waiting.length === 1
					? `/admin/evenements/${waiting[0].id}/inscriptions`
					: '/admin/evenements',
			links: waiting.length > 1 ? eventLinks(waiting) : undefined
		},
		{
			key: 'consultations-closing',
			count: closing.length,
			label: plural(
				closing.length,
				`consultation se termine dans les ${CLOSING_SOON_DAYS} jours`,
				`consultations se terminent dans les ${CLOSING_SOON_DAYS} jours`
			),
			href: closing.length === 1 ? `/admin/consultations/${closing[0].id}` : '/admin/consultations',
			links: closing.slice(0, LINKS_SHOWN).map((c) => ({
				label: `${c.title} : jusqu’au ${formatParisShortDate(new Date(c.closes_at))}`,
				href: `/admin/consultations/${c.id}`
			}))
		},
		{
			key: 'tirages',
			count: draws.length,
			label: plural(draws.length, 'tirage au sort à terminer', 'tirages au sort à terminer'),
			href: draws.length === 1 ? `/admin/panel/tirages/${draws[0].id}` : '/admin/panel/tirages',
			links:
				draws.length > 1
					? draws
							.slice(0, LINKS_SHOWN)
							.map((d) => ({ label: d.title, href: `/admin/panel/tirages/${d.id}` }))
					: undefined
		},
		{
			key: 'retours',
			count: drafts.length + pendingCount,
			label:
				pendingCount > 0
					? `${plural(drafts.length, 'retour en brouillon', 'retours en brouillon')} et ${pendingCount} ${plural(pendingCount, 'envoi', 'envois')} en attente`
					: plural(drafts.length, 'retour à publier', 'retours à publier'),
			href: '/admin/retours',
			links: [...drafts, ...pending]
				.filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i)
				.slice(0, LINKS_SHOWN)
				.map((r) => ({ label: r.title, href: `/admin/retours/${r.id}` }))
		},
		{
			key: 'envois-echoues',
			count: failedCount,
			label: plural(
				failedCount,
				'envoi de retour a échoué après plusieurs essais',
				'envois de retours ont échoué après plusieurs essais'
			),
			href: failed.length === 1 ? `/admin/retours/${failed[0].id}` : '/admin/retours',
			urgent: failedCount > 0
		}
	];
}

async function piloteItems(db: Db, actor: Actor): Promise<TodoItem[]> {
	const [awaiting, campaign] = await Promise.all([
		db
			.selectFrom('contribution_link')
			.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
			.innerJoin('contribution', 'contribution.id', 'contribution_link.contribution_id')
			.select(['fiche.ref', 'fiche.title'])
			.select((eb) => eb.fn.countAll().as('n'))
			.where(ficheOwnedBy(actor.id))
			.where('contribution_link.decision', 'is', null)
			.where('contribution.merged_into_id', 'is', null)
			.groupBy(['fiche.ref', 'fiche.title'])
			.orderBy('fiche.ref')
			.execute(),
		db
			.selectFrom('review_campaign')
			.select('year')
			.where('status', '=', 'ouverte')
			.orderBy('year', 'desc')
			.executeTakeFirst()
	]);
	const awaitingCount = awaiting.reduce((total, r) => total + Number(r.n), 0);
	const items: TodoItem[] = [
		{
			key: 'decisions',
			count: awaitingCount,
			label: plural(
				awaitingCount,
				'contribution sur vos fiches attend votre décision',
				'contributions sur vos fiches attendent votre décision'
			),
			href: '/admin/contributions',
			links: awaiting.slice(0, LINKS_SHOWN).map((r) => ({
				label: `${r.ref} ${r.title} (${Number(r.n)})`,
				href: `/admin/fiches/${r.ref}`
			}))
		}
	];
	if (!campaign) {
		items.push({
			key: 'bilan',
			count: 0,
			countless: true,
			label: 'Aucun bilan annuel n’est ouvert en ce moment',
			href: '/admin/bilans'
		});
	} else {
		const year = campaign.year;
		const [unreviewed, indicators] = await Promise.all([
			db
				.selectFrom('fiche')
				.select(['ref', 'title'])
				.where(ficheOwnedBy(actor.id))
				.where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'supprimee')]))
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('fiche_review')
								.select(sql.lit(1).as('one'))
								.whereRef('fiche_review.fiche_id', '=', 'fiche.id')
								.where('fiche_review.year', '=', year)
						)
					)
				)
				.orderBy('ref')
				.execute(),
			db
				.selectFrom('indicator')
				.innerJoin('fiche', 'fiche.id', 'indicator.fiche_id')
				.select(['fiche.ref', 'indicator.label'])
				.where(ficheOwnedBy(actor.id))
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('indicator_value')
								.select(sql.lit(1).as('one'))
								.whereRef('indicator_value.indicator_id', '=', 'indicator.id')
								.where('indicator_value.year', '=', year)
						)
					)
				)
				.orderBy('fiche.ref')
				.execute()
		]);
		items.push(
			{
				key: 'bilan',
				count: unreviewed.length,
				label: plural(
					unreviewed.length,
					`fiche à renseigner pour le bilan ${year}`,
					`fiches à renseigner pour le bilan ${year}`
				),
				href: `/admin/bilans/${year}`,
				links: unreviewed.slice(0, LINKS_SHOWN).map((f) => ({
					label: `${f.ref} ${f.title}`,
					href: `/admin/bilans/${year}/${f.ref}`
				}))
			},
			{
				key: 'indicateurs',
				count: indicators.length,
				label: plural(
					indicators.length,
					`indicateur sans valeur pour ${year}`,
					`indicateurs sans valeur pour ${year}`
				),
				href: `/admin/bilans/${year}`,
				links: indicators.slice(0, LINKS_SHOWN).map((i) => ({
					label: `${i.ref} : ${i.label}`,
					href: `/admin/bilans/${year}/${i.ref}`
				}))
			}
		);
	}
	return items;
}

async function administratorItems(db: Db, now: Date): Promise<TodoItem[]> {
	const monthAgo = toDbDate(new Date(now.getTime() - 30 * DAY_MS));
	const [failedMail, lastRun, lastFailedRun, requests] = await Promise.all([
		db
			.selectFrom('mail_message')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('status', '=', 'echec')
			.where('created_at', '>=', monthAgo)
			.executeTakeFirst(),
		db
			.selectFrom('retention_run')
			.select('ran_at')
			.where('dry_run', '=', 0)
			.where('error', 'is', null)
			.orderBy('ran_at', 'desc')
			.executeTakeFirst(),
		db
			.selectFrom('retention_run')
			.select('ran_at')
			.where('error', 'is not', null)
			.orderBy('ran_at', 'desc')
			.executeTakeFirst(),
		db
			.selectFrom('privacy_request')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('completed_at', 'is', null)
			.where('expires_at', '>', toDbDate(now))
			.executeTakeFirst()
	]);
	const failedCount = countOf(failedMail);
	const requestCount = countOf(requests);
	const lastRunAt = lastRun ? new Date(lastRun.ran_at) : null;
	const overdue = !lastRunAt || now.getTime() - lastRunAt.getTime() > 2 * DAY_MS;
	const failedSince = lastFailedRun && (!lastRunAt || new Date(lastFailedRun.ran_at) > lastRunAt);
	return [
		{
			key: 'courriels-echoues',
			count: failedCount,
			label: plural(
				failedCount,
				'courriel n’est pas parti ces 30 derniers jours',
				'courriels ne sont pas partis ces 30 derniers jours'
			),
			href: '/admin/courriels?statut=echec',
			urgent: failedCount > 0
		},
		{
			key: 'conservation',
			count: overdue || failedSince ? 1 : 0,
			countless: true,
			label: failedSince
				? 'La dernière purge des données arrivées à échéance a échoué'
				: lastRunAt
					? `Purge des données arrivées à échéance : la dernière a eu lieu le ${formatParisShortDate(lastRunAt)}${overdue ? ', elle est en retard' : ''}`
					: 'Purge des données arrivées à échéance : jamais lancée',
			href: '/admin/donnees',
			urgent: Boolean(failedSince) || overdue
		},
		{
			key: 'demandes-rgpd',
			count: requestCount,
			label: plural(
				requestCount,
				'demande sur les données personnelles en cours',
				'demandes sur les données personnelles en cours'
			),
			href: '/admin/donnees/demandes'
		}
	];
}

/** The to-do lists of this person's roles, in the order they work. */
export async function dashboardFor(db: Db, actor: Actor, now = new Date()): Promise<TodoSection[]> {
	const sections: TodoSection[] = [];
	if (can(actor, 'contributions.manage'))
		sections.push({ title: 'Participation', items: await officerItems(db, now) });
	if (actor.role === 'pilote')
		sections.push({ title: 'Vos fiches-actions', items: await piloteItems(db, actor) });
	if (can(actor, 'privacy.manage'))
		sections.push({ title: 'Administration', items: await administratorItems(db, now) });
	return sections;
}
