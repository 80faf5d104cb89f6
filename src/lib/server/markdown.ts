// Markdown written by staff (presentations, minutes, retours) becomes HTML
// here and only here: marked renders it, sanitize-html keeps a safe subset.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'a',
		'ul',
		'ol',
		'li',
		'blockquote',
		'h2',
		'h3',
		'h4',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'code',
		'pre',
		'hr',
		'abbr'
	],
	allowedAttributes: { a: ['href', 'title'], abbr: ['title'], th: ['scope'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	// A page has one h1, its title: headings in text start at h2.
	transformTags: { h1: 'h2' }
};

export function renderMarkdown(source: string): string {
	return sanitizeHtml(marked.parse(source) as string, ALLOWED);
}
