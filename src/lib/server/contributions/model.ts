// Contributions as the inbox and the pages see them.
import type { ContributionSource } from '$lib/contribution-vocabulary';
import type { ContributionState, Decision } from '$lib/contribution-vocabulary';

export interface ContributionLink {
	id: number;
	ficheId: number;
	ref: string;
	title: string;
	ficheStatus: string | null;
	decision: Decision | null;
	explanation: string;
	decidedAt: string | null;
}

export interface ContributionItem {
	id: number;
	source: ContributionSource;
	/** What the public sees: the masked text when it was moderated. */
	publicText: string;
	/** The original; null for people who may not read it. */
	originalText: string | null;
	masked: boolean;
	maskReason: string | null;
	createdAt: string;
	territoryName: string | null;
	communeName: string | null;
	origin: { kind: 'consultation' | 'evenement' | 'autre'; title: string | null; id: number | null };
	authorKnown: boolean;
	contactConsent: boolean;
	state: ContributionState;
	assignedUserId: number | null;
	assignedName: string | null;
	tags: string[];
	links: ContributionLink[];
	mergedIntoId: number | null;
	duplicates: number;
}
