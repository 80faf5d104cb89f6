// French spacing, applied in one place: to every template's static text at
// build time (the Svelte preprocessor below) and, through `typographie`, to
// messages built in code. Plain JavaScript so that svelte.config.js loads it.

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const SPACE = '[ \\t\\n\\r\\u00a0\\u202f]+';

/** @type {[RegExp, (match: string, ...groups: string[]) => string][]} */
const RULES = [
	// « Mon avis citoyen »: never a line break inside the guillemets' spaces.
	[new RegExp(`«${SPACE}`, 'g'), () => `«${NBSP}`],
	[new RegExp(`(^|\\S)${SPACE}»`, 'g'), (_, before) => `${before}${NBSP}»`],
	// A colon never starts a line; a no-break space before it.
	[new RegExp(`(^|\\S)${SPACE}:(?=\\s|$)`, 'g'), (_, before) => `${before}${NBSP}:`],
	// ; ! ? take a narrow no-break space.
	[
		new RegExp(`(^|\\S)${SPACE}([;!?])(?=\\s|$|[»)])`, 'g'),
		(_, before, mark) => `${before}${NNBSP}${mark}`
	]
];

/**
 * French spacing: a no-break space inside guillemets and before a colon, a
 * narrow one before ; ! ? — so that « Mon avis citoyen » never breaks after
 * its opening guillemet and a colon never starts a line.
 * @param {string} text
 * @returns {string}
 */
export function typographie(text) {
	let out = text;
	for (const [pattern, replace] of RULES)
		out = out.replace(pattern, (match, ...groups) => replace(match, ...groups.map(String)));
	return out;
}

/**
 * The same in template text: the newlines a rule swallows move into an HTML
 * comment (Svelte drops comments) so that line numbers stay right.
 * @param {string} text
 */
function typographieKeepingLines(text) {
	let out = text;
	for (const [pattern, replace] of RULES) {
		out = out.replace(pattern, (match, ...groups) => {
			const lines = match.replace(/[^\n]/g, '');
			const replaced = replace(match, ...groups.map(String));
			return lines ? `${replaced.slice(0, -1)}<!--${lines}-->${replaced.slice(-1)}` : replaced;
		});
	}
	return out;
}

const RAW_ELEMENTS = ['script', 'style', 'pre', 'textarea', 'code'];
/** Props and attributes whose static value is shown as text. */
const TEXT_ATTRIBUTE =
	/(\s(?:label|hint|legend|title|aria-label|alt|placeholder|caption|description|heading|text|intro)=")([^"{}\n]*)(")/g;

/** @param {string} source @param {number} from @param {string} close */
function skipQuoted(source, from, close) {
	let i = from + 1;
	while (i < source.length && source[i] !== close) i += source[i] === '\\' ? 2 : 1;
	return i + 1;
}

/** Index just after the `}` closing the expression opened at `from`. */
function skipExpression(/** @type {string} */ source, /** @type {number} */ from) {
	let depth = 0;
	let i = from;
	while (i < source.length) {
		const c = source[i];
		if (c === '"' || c === "'" || c === '`') {
			i = skipQuoted(source, i, c);
			continue;
		}
		if (c === '{') depth++;
		if (c === '}' && --depth === 0) return i + 1;
		i++;
	}
	return i;
}

/** Index just after the `>` closing the tag opened at `from`. */
function skipTag(/** @type {string} */ source, /** @type {number} */ from) {
	let i = from + 1;
	while (i < source.length) {
		const c = source[i];
		if (c === '"' || c === "'") i = skipQuoted(source, i, c);
		else if (c === '{') i = skipExpression(source, i);
		else if (c === '>') return i + 1;
		else i++;
	}
	return i;
}

/**
 * Applies French spacing to a Svelte component's static text.
 * @param {string} source
 * @returns {string}
 */
export function typographieTemplate(source) {
	let out = '';
	let i = 0;
	while (i < source.length) {
		const c = source[i];
		if (source.startsWith('<!--', i)) {
			const end = source.indexOf('-->', i);
			const stop = end === -1 ? source.length : end + 3;
			out += source.slice(i, stop);
			i = stop;
		} else if (c === '<' && /[a-zA-Z/!]/.test(source[i + 1] ?? '')) {
			const stop = skipTag(source, i);
			const tag = source.slice(i, stop);
			const name = /^<([a-zA-Z][\w:-]*)/.exec(tag)?.[1]?.toLowerCase();
			if (name && RAW_ELEMENTS.includes(name) && !tag.endsWith('/>')) {
				const close = source.indexOf(`</${name}`, stop);
				const end = close === -1 ? source.length : close;
				out += tag + source.slice(stop, end);
				i = end;
			} else {
				out += tag.replace(
					TEXT_ATTRIBUTE,
					(_, start, value, end) => `${start}${typographie(value)}${end}`
				);
				i = stop;
			}
		} else if (c === '{') {
			const stop = skipExpression(source, i);
			out += source.slice(i, stop);
			i = stop;
		} else {
			let stop = i;
			while (
				stop < source.length &&
				source[stop] !== '{' &&
				!(source[stop] === '<' && /[a-zA-Z/!]/.test(source[stop + 1] ?? ''))
			)
				stop++;
			out += typographieKeepingLines(source.slice(i, stop));
			i = stop;
		}
	}
	return out;
}

/** The Svelte preprocessor: French spacing in every component's text. */
export function typographiePreprocess() {
	return {
		name: 'typographie-francaise',
		/** @param {{ content: string, filename?: string }} input */
		markup({ content, filename }) {
			if (filename?.includes('node_modules')) return;
			return { code: typographieTemplate(content) };
		}
	};
}
