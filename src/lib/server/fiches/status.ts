export {
	FICHE_STATUSES,
	isFicheStatus,
	type FicheStatus,
	type StatusCounts
} from '$lib/fiche-status';
