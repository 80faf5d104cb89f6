// Groups as the pages see them.
import type { EventStatus } from '$lib/event-vocabulary';
import type { GroupRole } from '$lib/panel-vocabulary';

export interface GroupSummary {
	id: number;
	slug: string;
	name: string;
	kind: string;
	territoryName: string | null;
	members: number;
	nextMeeting: string | null;
	archived: boolean;
}

export interface GroupMember {
	membershipId: number;
	personId: number;
	name: string;
	inPanel: boolean;
	role: GroupRole;
	mandateStart: string | null;
	mandateEnd: string | null;
	joinedAt: string;
	leftAt: string | null;
	email: string | null;
	hasAccount: boolean;
}

export interface GroupBody {
	id: number;
	name: string;
	description: string;
	/** Person ids of the members who attend. */
	seats: number[];
}

export interface GroupDocument {
	id: number;
	title: string;
	body: string;
	url: string | null;
	createdAt: string;
}

export interface GroupMeeting {
	id: number;
	slug: string;
	title: string;
	kind: string;
	startsAt: string;
	endsAt: string;
	status: EventStatus;
	place: string | null;
	minutesPublished: boolean;
}

export interface GroupDetail {
	id: number;
	slug: string;
	name: string;
	kind: string;
	territoryId: number | null;
	territoryName: string | null;
	description: string;
	createdAt: string;
	archivedAt: string | null;
	members: GroupMember[];
	bodies: GroupBody[];
	documents: GroupDocument[];
	meetings: GroupMeeting[];
}
