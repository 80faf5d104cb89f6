import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('the page to go back to after signing in', () => {
	it('keeps a path of this site, with its query', () => {
		expect(safeRedirectPath('/admin/contributions?etat=nouvelle')).toBe(
			'/admin/contributions?etat=nouvelle'
		);
		expect(safeRedirectPath('/compte')).toBe('/compte');
		expect(safeRedirectPath('/consultations/mon-avis#q3')).toBe('/consultations/mon-avis#q3');
	});

	it('refuses anything a browser would read as another host', () => {
		for (const hostile of [
			'//evil.example/x',
			'/\t/evil.example/x',
			'/\n/evil.example/x',
			'/\r\n/evil.example/x',
			'/\x0b/evil.example/x',
			'/\u3000/evil.example/x',
			'/\u00a0/evil.example/x',
			'/\\evil.example/x',
			'\\\\evil.example',
			'/%2F/evil.example',
			'/%5Cevil.example',
			'/%09/evil.example/x',
			'https://evil.example/',
			'javascript:alert(1)',
			'evil.example',
			'/%E0%A4%A',
			'',
			null,
			undefined
		])
			expect(safeRedirectPath(hostile), JSON.stringify(hostile)).toBeNull();
	});
});
