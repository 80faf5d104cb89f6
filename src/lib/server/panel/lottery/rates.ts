// Response rates of a campaign: by territory and commune size, the letters
// sent and the answers; by age band and gender, as answers come, who said
// yes against the population (the panel's targets). Officers see every
// figure; nothing here is published.
import type { Executor } from '../../db/database';
import { criterionLabel, valueOf, valuesOf } from '../criteria';
import { poolPeople, targetShares, territoryPopulationShares } from '../representation';

export interface PlaceRate {
	label: string;
	letters: number;
	answered: number;
	accepted: number;
	/** Share of the département's population, 0–1. */
	populationShare: number;
}

export interface PeopleShare {
	label: string;
	accepted: number;
	/** Share of those who said yes, 0–1. */
	share: number;
	/** The population's share (the panel's target), 0–1, or null when none is entered. */
	target: number | null;
}

export interface CampaignRates {
	byTerritory: PlaceRate[];
	byCommuneSize: PlaceRate[];
	byPerson: { criterion: string; label: string; rows: PeopleShare[] }[];
}

/** Bands of commune population, as INSEE's rural–urban tables read. */
export const COMMUNE_SIZES = [
	{ label: 'Moins de 500 habitants', below: 500 },
	{ label: 'De 500 à 1 999 habitants', below: 2000 },
	{ label: 'De 2 000 à 9 999 habitants', below: 10_000 },
	{ label: '10 000 habitants et plus', below: Infinity }
] as const;

export const sizeBandOf = (population: number) =>
	COMMUNE_SIZES.find((band) => population < band.below)!.label;

export async function campaignRates(db: Executor, campaignId: number): Promise<CampaignRates> {
	const rows = await db
		.selectFrom('invitation')
		.innerJoin('commune', 'commune.insee_code', 'invitation.commune_insee_code')
		.leftJoin('territory', 'territory.id', 'commune.territory_id')
		.select([
			'commune.population',
			'territory.name as territory',
			(eb) => eb.fn.countAll<number>().as('letters'),
			(eb) => eb.fn.count<number>('invitation.answered_at').as('answered'),
			(eb) =>
				eb.fn
					.sum<number>(eb.case().when('invitation.answer', '=', 'oui').then(1).else(0).end())
					.as('accepted')
		])
		.where('invitation.campaign_id', '=', campaignId)
		.groupBy(['commune.insee_code', 'commune.population', 'territory.name'])
		.execute();
	const communes = await db
		.selectFrom('commune')
		.leftJoin('territory', 'territory.id', 'commune.territory_id')
		.select(['commune.population', 'territory.name as territory'])
		.execute();
	const population = communes.reduce((sum, c) => sum + Number(c.population ?? 0), 0) || 1;

	const group = (
		keyOf: (r: { population: number; territory: string }) => string,
		keys: string[]
	) => {
		const places = new Map<string, PlaceRate>(
			keys.map((label) => [
				label,
				{ label, letters: 0, answered: 0, accepted: 0, populationShare: 0 }
			])
		);
		for (const c of communes) {
			const place = places.get(
				keyOf({ population: Number(c.population ?? 0), territory: c.territory ?? '' })
			);
			if (place) place.populationShare += Number(c.population ?? 0) / population;
		}
		for (const r of rows) {
			const place = places.get(
				keyOf({ population: Number(r.population ?? 0), territory: r.territory ?? '' })
			);
			if (!place) continue;
			place.letters += Number(r.letters);
			place.answered += Number(r.answered);
			place.accepted += Number(r.accepted ?? 0);
		}
		return [...places.values()];
	};
	const territories = [...(await territoryPopulationShares(db)).keys()];

	const people = await poolPeople(db, { campaignId });
	const target = await targetShares(db);
	const byPerson = ['age', 'genre'].map((criterion) => {
		const counts = new Map<string, number>();
		for (const person of people) {
			const value = valueOf(person, criterion);
			counts.set(value, (counts.get(value) ?? 0) + 1);
		}
		return {
			criterion,
			label: criterionLabel(criterion),
			rows: valuesOf(criterion, territories)
				.filter((value) => (counts.get(value) ?? 0) > 0 || target(criterion, value) !== null)
				.map((value) => ({
					label: value,
					accepted: counts.get(value) ?? 0,
					share: people.length ? (counts.get(value) ?? 0) / people.length : 0,
					target: target(criterion, value)
				}))
		};
	});

	return {
		byTerritory: group((r) => r.territory, territories),
		byCommuneSize: group(
			(r) => sizeBandOf(r.population),
			COMMUNE_SIZES.map((band) => band.label)
		),
		byPerson
	};
}
