import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders the usual Markdown', () => {
		const html = renderMarkdown(
			'# Titre\n\nUn **atelier** à [Blois](https://exemple.fr).\n\n- un\n- deux'
		);
		expect(html).toContain('<h2>Titre</h2>');
		expect(html).toContain('<strong>atelier</strong>');
		expect(html).toContain('<a href="https://exemple.fr">Blois</a>');
		expect(html).toContain('<li>deux</li>');
	});

	it('removes scripts, event handlers and dangerous links', () => {
		const html = renderMarkdown(
			[
				'<script>alert(1)</script>',
				'<img src=x onerror="alert(2)">',
				'[clic](javascript:alert(3))',
				'<a href="#" onclick="x()">a</a>'
			].join('\n\n')
		);
		expect(html).toContain('clic');
		expect(html).not.toMatch(/<script|onerror|onclick|href="javascript|<img/i);
	});
});
