// What anyone may check about a campaign: its rules, its seed, the base's
// fingerprint and size, the letters per commune against the exact share, and
// how many answered per territory (protected: no figure about fewer than the
// disclosure threshold). No address, no code, no name.
import type { Db } from '../../db/database';
import type { Figure } from '$lib/disclosure';
import { getDisclosureThreshold } from '../../settings/settings';
import { protectedParts, single } from '../../statistics/public-figures';
import {
	campaignAllocation,
	campaignSummary,
	listCampaignSummaries,
	type CampaignSummary,
	type CommuneAllocation
} from './campaigns';
import { campaignRates } from './rates';

export type PublicCampaignRules = Omit<
	CampaignSummary,
	'answered' | 'accepted' | 'remindersPrintedAt'
>;

export interface PublicCampaign extends PublicCampaignRules {
	allocation: CommuneAllocation[];
	answered: Figure;
	byTerritory: { label: string; letters: number; answered: Figure; populationShare: number }[];
	threshold: number;
}

const rules = ({
	answered: _a,
	accepted: _b,
	remindersPrintedAt: _c,
	...kept
}: CampaignSummary): PublicCampaignRules => kept;

export async function listPublicCampaigns(db: Db): Promise<PublicCampaignRules[]> {
	return (await listCampaignSummaries(db)).map(rules);
}

export async function readPublicCampaign(db: Db, id: number): Promise<PublicCampaign> {
	const campaign = await campaignSummary(db, id);
	const [allocation, rates, threshold] = await Promise.all([
		campaignAllocation(db, id),
		campaignRates(db, id),
		getDisclosureThreshold(db)
	]);
	const answered = protectedParts(
		rates.byTerritory.map((t) => ({ label: t.label, count: t.answered })),
		campaign.answered,
		threshold
	);
	return {
		...rules(campaign),
		allocation,
		answered: single(campaign.answered, threshold),
		byTerritory: rates.byTerritory.map((t, i) => ({
			label: t.label,
			letters: t.letters,
			answered: answered[i].count,
			populationShare: t.populationShare
		})),
		threshold
	};
}
