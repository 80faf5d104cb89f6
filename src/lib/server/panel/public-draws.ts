// What anyone may check about a draw: the rules, the published lottery of
// panels (pseudonyms only), the number drawn and who was selected, every
// volunteer's probability under their pseudonym. No name, no profile.
import type { Db } from '../db/database';
import { writeCsv } from '../csv';
import { readDraw, type DrawDetail } from './draws';
import type { Figure } from '$lib/disclosure';
import type { Objective } from '$lib/panel-vocabulary';
import type { ObjectiveComparison } from './selection/lottery-plan';
import { protectedParts } from '../statistics/public-figures';
import { getDisclosureThreshold } from '../settings/settings';
import { compareFrench } from '$lib/french';

export interface PublicDraw {
	id: number;
	title: string;
	purpose: string;
	size: number;
	pool: number;
	householdRule: boolean;
	/** Selected per group: hidden when fewer than the disclosure threshold. */
	quotas: { label: string; value: string; min: number; max: number; selected: Figure }[];
	algorithm: string;
	objective: Objective;
	comparison: ObjectiveComparison[] | null;
	seed: string;
	inputsHash: string;
	lotterySize: number;
	minProbability: number;
	lotteryMinProbability: number;
	/** Why some had no chance or were sure to be drawn, without counting anyone. */
	extremeReasons: string[];
	createdAt: string;
	ticket: number | null;
	ticketSource: string | null;
	drawnAt: string | null;
	parentDrawId: number | null;
	selected: string[];
	/** Ranked after the draw; `called`: took a seat (whose is not published). */
	alternates: { rank: number; pseudonym: string; called: boolean }[];
	guaranteedDeclines: number | null;
	probabilities: { pseudonym: string; probability: number; lotteryProbability: number }[];
}

/** Per criterion, the selected of each group add up to the seats. */
function protectedSelections(draw: DrawDetail, threshold: number): Figure[] {
	const selected: Figure[] = draw.quotas.map(() => 0);
	const criteria = [...new Set(draw.quotas.map((q) => q.label))];
	for (const label of criteria) {
		const indexes = draw.quotas.map((q, i) => (q.label === label ? i : -1)).filter((i) => i >= 0);
		const parts = protectedParts(
			indexes.map((i) => ({ count: draw.quotas[i].selected })),
			draw.size,
			threshold
		);
		indexes.forEach((i, k) => (selected[i] = parts[k].count));
	}
	return selected;
}

function toPublic(draw: DrawDetail, threshold: number): PublicDraw {
	const selected = draw.ticket === null ? null : protectedSelections(draw, threshold);
	return {
		id: draw.id,
		title: draw.title,
		purpose: draw.purpose,
		size: draw.size,
		pool: draw.candidates.length,
		householdRule: draw.householdRule,
		quotas: draw.quotas.map((q, i) => ({
			label: q.label,
			value: q.value,
			min: q.min,
			max: q.max,
			selected: selected?.[i] ?? 0
		})),
		algorithm: draw.algorithm,
		objective: draw.objective,
		comparison: draw.comparison,
		seed: draw.seed,
		inputsHash: draw.inputsHash,
		lotterySize: draw.lotterySize,
		minProbability: draw.minProbability,
		lotteryMinProbability: draw.lotteryMinProbability,
		extremeReasons: draw.chances.publicReasons,
		createdAt: draw.createdAt,
		ticket: draw.ticket,
		ticketSource: draw.ticketSource,
		drawnAt: draw.drawnAt,
		parentDrawId: draw.parentDrawId,
		selected: draw.candidates.filter((c) => c.selected && !c.replaces).map((c) => c.pseudonym),
		alternates: draw.candidates
			.filter((c) => c.alternateRank !== null)
			.sort((a, b) => a.alternateRank! - b.alternateRank!)
			.map((c) => ({
				rank: c.alternateRank!,
				pseudonym: c.pseudonym,
				called: c.replaces !== null
			})),
		guaranteedDeclines: draw.guaranteedDeclines,
		probabilities: draw.candidates
			.map((c) => ({
				pseudonym: c.pseudonym,
				probability: c.probability,
				lotteryProbability: c.lotteryProbability
			}))
			.sort((a, b) => compareFrench(a.pseudonym, b.pseudonym))
	};
}

export async function listPublicDraws(db: Db) {
	return db
		.selectFrom('draw')
		.select(['id', 'title', 'size', 'created_at', 'drawn_at', 'ticket'])
		.orderBy('created_at', 'desc')
		.execute();
}

export async function getPublicDraw(db: Db, id: number): Promise<PublicDraw> {
	return toPublic(await readDraw(db, id), await getDisclosureThreshold(db));
}

/** The published list: panel number, then the pseudonyms on it. */
export async function panelsCsv(db: Db, id: number): Promise<{ fileName: string; body: string }> {
	const draw = await readDraw(db, id);
	const rows = writeCsv(
		[['numero', 'pseudonymes'], ...draw.panels.map((panel, i) => [i + 1, panel.join(' ')])],
		{ bom: false }
	);
	return {
		fileName: `tirage-${draw.id}-panels.csv`,
		body: `\ufeff# ${draw.title} ; graine ${draw.seed} ; empreinte ${draw.inputsHash}\n${rows}`
	};
}
