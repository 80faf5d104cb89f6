// Where something happens, said once: the place's name, its address, and its
// commune unless the name or the address already says it (« Maison
// départementale des solidarités de Vendôme », not « …de Vendôme, Vendôme »).
export interface PlaceParts {
	siteName: string | null;
	placeName: string | null;
	address: string | null;
	communeName: string | null;
}

export function placeWords(place: PlaceParts): string[] {
	const name = place.siteName ?? place.placeName;
	const said = `${name ?? ''} ${place.address ?? ''}`;
	const commune = place.communeName && !said.includes(place.communeName) ? place.communeName : null;
	return [name, place.address, commune].filter((w): w is string => Boolean(w));
}
