// Every route reads its forms one way: through web/forms.ts, with the
// domain's zod schema. Only the questionnaire's answers, whose fields are
// named after its questions, are handed whole to the answers module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = 'src/routes';
const ANSWER_FORMS = [
	'src/routes/admin/consultations/[id=id]/saisie/+page.server.ts',
	'src/routes/consultations/[slug=slug]/etape/[step]/+page.server.ts'
];

function serverFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return serverFiles(path);
		return /^\+(page\.server|server)\.ts$/.test(name) ? [path] : [];
	});
}

describe('one form approach', () => {
	const files = serverFiles(ROUTES);

	it('reads no posted form by hand in a route', () => {
		const byHand = files.filter(
			(file) =>
				!ANSWER_FORMS.includes(file) && /\.formData\(\)|\braw\.get/.test(readFileSync(file, 'utf8'))
		);
		expect(byHand).toEqual([]);
	});

	it('answers every action through handleForm or readPosted', () => {
		const unread = files.filter((file) => {
			const source = readFileSync(file, 'utf8');
			if (!/export const actions/.test(source) || file.endsWith('deconnexion/+page.server.ts'))
				return false;
			return !/handleForm|readPosted|postedTexts|submitSite/.test(source);
		});
		expect(unread).toEqual([]);
	});
});
