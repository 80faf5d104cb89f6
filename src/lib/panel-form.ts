// What the panel's person forms share: the names of their fields in an error
// summary, and an empty person to start from (an invitation prefills the
// commune and the address).
export const PERSON_FIELD_LABELS: Record<string, string> = {
	firstName: 'Prénom',
	lastName: 'Nom',
	email: 'Adresse e-mail',
	phone: 'Téléphone',
	postalAddress: 'Adresse postale',
	communeCode: 'Commune',
	ageBand: 'Âge',
	gender: 'Genre',
	situations: 'Situation',
	situationConsent: 'Accord pour la situation',
	needsDetail: 'Précisions',
	consent: 'Accord'
};

export function blankPerson(prefill: { postalAddress?: string; communeCode?: string } = {}) {
	return {
		firstName: '',
		lastName: '',
		email: '',
		phone: '',
		postalAddress: prefill.postalAddress ?? '',
		communeCode: prefill.communeCode ?? '',
		ageBand: '',
		gender: '',
		situations: [] as string[],
		situationConsent: false,
		availability: [] as string[],
		needs: [] as string[],
		needsDetail: ''
	};
}
