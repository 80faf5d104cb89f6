// The address part proposed from a title: « Atelier mobilité à Vendôme » →
// « atelier-mobilite-a-vendome ». Shared by the forms (live, with JavaScript)
// and the services (when the field is left empty).
const MAX = 60;

export function slugFromTitle(title: string): string {
	const words = title
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/['’]/g, ' ')
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > MAX) break;
		slug = next;
	}
	return slug || words[0]?.slice(0, MAX) || '';
}
