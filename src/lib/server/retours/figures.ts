// The figures of a retour, computed from the data each time it is read:
// responses by territory and channel, participants of the events, the
// contributions and their decisions, the fiches concerned and their status.
import type { Executor } from '../db/database';
import { DECISIONS, type Decision } from '$lib/contribution-vocabulary';
import type { Figure } from '$lib/disclosure';
import { protectHeadcount, protectedParts, single } from '../statistics/public-figures';
import { byFrench } from '../db/database';
import { compareFrench } from '$lib/french';
import { protectThemeCounts, themeCountsOf } from '../themes/published';

export interface Count<N = number> {
	label: string;
	count: N;
}

export interface RetourFigures<N = number> {
	responses: { total: N; byTerritory: Count<N>[]; byChannel: Count<N>[] } | null;
	events: { title: string; participants: N; residents: N | null }[];
	contributions: { total: N; byDecision: { decision: Decision | null; count: N }[] };
	fiches: { ref: string; title: string; status: string | null; contributions: N }[];
	/** The validated themes of the consultation's free answers. */
	themes: { total: N; byTheme: Count<N>[] } | null;
	/** Set once protected for publication. */
	threshold?: number;
}

/** The figures as a published retour shows them: no group of fewer than `threshold`. */
export function protectRetourFigures(
	figures: RetourFigures,
	threshold: number
): RetourFigures<Figure> {
	const { responses, contributions } = figures;
	return {
		threshold,
		responses: responses && {
			total: single(responses.total, threshold),
			byTerritory:
				responses.total < threshold
					? []
					: protectedParts(responses.byTerritory, responses.total, threshold),
			byChannel:
				responses.total < threshold
					? []
					: protectedParts(responses.byChannel, responses.total, threshold)
		},
		events: figures.events.map((e) => ({ title: e.title, ...protectHeadcount(e, threshold) })),
		contributions: {
			total: single(contributions.total, threshold),
			byDecision:
				contributions.total < threshold
					? []
					: protectedParts(contributions.byDecision, contributions.total, threshold)
		},
		fiches: figures.fiches.map((f) => ({
			...f,
			contributions: single(f.contributions, threshold)
		})),
		themes: figures.themes && protectedThemes(figures.themes, threshold)
	};
}

function protectedThemes(
	themes: { total: number; byTheme: Count[] },
	threshold: number
): { total: Figure; byTheme: Count<Figure>[] } {
	const rows = themes.byTheme.map((t) => ({ label: t.label, n: t.count }));
	const { total, counts } = protectThemeCounts(themes.total, rows, threshold);
	return { total, byTheme: rows.map((r, i) => ({ label: r.label, count: counts[i] })) };
}

export async function computeRetourFigures(
	db: Executor,
	source: { consultationId: number | null; eventIds: number[] }
): Promise<RetourFigures> {
	const { consultationId, eventIds } = source;
	let responses: RetourFigures['responses'] = null;
	if (consultationId) {
		const submitted = db
			.selectFrom('response')
			.where('response.consultation_id', '=', consultationId)
			.where('response.status', '=', 'envoyee');
		const [byTerritory, byChannel] = await Promise.all([
			submitted
				.leftJoin('territory', 'territory.id', 'response.territory_id')
				.select(['territory.name as label', (eb) => eb.fn.countAll<number>().as('count')])
				.groupBy('territory.name')
				.orderBy(byFrench('territory.name'))
				.execute(),
			submitted
				.select(['response.channel as label', (eb) => eb.fn.countAll<number>().as('count')])
				.groupBy('response.channel')
				.orderBy('response.channel')
				.execute()
		]);
		responses = {
			total: byChannel.reduce((sum, r) => sum + Number(r.count), 0),
			byTerritory: byTerritory.map((r) => ({
				label: r.label ?? 'Territoire non précisé',
				count: Number(r.count)
			})),
			byChannel: byChannel.map((r) => ({ label: r.label, count: Number(r.count) }))
		};
	}
	const events = eventIds.length
		? await db
				.selectFrom('event')
				.select((eb) => [
					'event.title',
					'event.reported_participants',
					'event.reported_residents',
					eb
						.selectFrom('registration')
						.select(eb.fn.countAll<number>().as('n'))
						.whereRef('registration.event_id', '=', 'event.id')
						.where('registration.status', '=', 'present')
						.as('present')
				])
				.where('event.id', 'in', eventIds)
				.orderBy('event.starts_at')
				.execute()
		: [];
	const contributions = await db
		.selectFrom('contribution as c')
		.select(['c.id'])
		.where('c.merged_into_id', 'is', null)
		.where((eb) =>
			eb.or([
				...(consultationId ? [eb('c.consultation_id', '=', consultationId)] : []),
				...(eventIds.length ? [eb('c.event_id', 'in', eventIds)] : []),
				eb.lit(false)
			])
		)
		.execute();
	const ids = contributions.map((c) => c.id);
	const links = ids.length
		? await db
				.selectFrom('contribution_link')
				.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
				.select([
					'contribution_link.contribution_id',
					'contribution_link.decision',
					'fiche.ref',
					'fiche.title',
					'fiche.status'
				])
				.where('contribution_link.contribution_id', 'in', ids)
				.execute()
		: [];
	// A contribution counts once, under its most favourable decision (the order of DECISIONS).
	const best = new Map<number, Decision | null>();
	for (const id of ids) best.set(id, null);
	for (const l of links) {
		const current = best.get(l.contribution_id) ?? null;
		const decision = l.decision;
		if (decision && (!current || DECISIONS.indexOf(decision) < DECISIONS.indexOf(current)))
			best.set(l.contribution_id, decision);
	}
	const fiches = new Map<
		string,
		{ ref: string; title: string; status: string | null; ids: Set<number> }
	>();
	for (const l of links) {
		const entry = fiches.get(l.ref) ?? {
			ref: l.ref,
			title: l.title,
			status: l.status,
			ids: new Set()
		};
		entry.ids.add(l.contribution_id);
		fiches.set(l.ref, entry);
	}
	const themes = consultationId ? await themeCountsOf(db, consultationId, true) : null;
	return {
		responses,
		themes:
			themes && themes.rows.length
				? {
						total: themes.total,
						byTheme: themes.rows.map((r) => ({ label: r.label, count: r.n }))
					}
				: null,
		events: events.map((e) => ({
			title: e.title,
			participants: e.reported_participants ?? Number(e.present ?? 0),
			residents: e.reported_residents
		})),
		contributions: {
			total: ids.length,
			byDecision: [...DECISIONS, null]
				.map((decision) => ({
					decision,
					count: [...best.values()].filter((d) => d === decision).length
				}))
				.filter((d) => d.count > 0)
		},
		fiches: [...fiches.values()]
			.map((f) => ({ ref: f.ref, title: f.title, status: f.status, contributions: f.ids.size }))
			.sort((a, b) => b.contributions - a.contributions || compareFrench(a.ref, b.ref))
	};
}
