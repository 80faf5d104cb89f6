// "Paramètres d'affichage": kept in a cookie and applied on <html> by the
// server, so they work without JavaScript and with no flash of the defaults.

export const DISPLAY_COOKIE = 'affichage';

export const DISPLAY_OPTIONS = {
	text: { normal: 'Normale', grande: 'Grande', 'tres-grande': 'Très grande' },
	font: {
		standard: 'Police standard (Atkinson Hyperlegible)',
		dyslexie: 'Police adaptée à la dyslexie (OpenDyslexic)'
	},
	contrast: { normal: 'Contraste normal', renforce: 'Contraste renforcé' },
	motion: { normal: 'Animations normales', reduites: 'Sans animations' }
} as const;

export type DisplaySettings = {
	[K in keyof typeof DISPLAY_OPTIONS]: keyof (typeof DISPLAY_OPTIONS)[K];
};

export const DEFAULT_DISPLAY: DisplaySettings = {
	text: 'normal',
	font: 'standard',
	contrast: 'normal',
	motion: 'normal'
};

function pick<K extends keyof DisplaySettings>(
	key: K,
	value: string | null | undefined
): DisplaySettings[K] {
	return value && value in DISPLAY_OPTIONS[key]
		? (value as DisplaySettings[K])
		: DEFAULT_DISPLAY[key];
}

/** Reads settings from a cookie value or form data; unknown values fall back to defaults. */
export function parseDisplaySettings(
	source: URLSearchParams | FormData | string | undefined
): DisplaySettings {
	const params =
		typeof source === 'string' || source === undefined ? new URLSearchParams(source ?? '') : source;
	const get = (key: string) => {
		const value = params.get(key);
		return typeof value === 'string' ? value : null;
	};
	return {
		text: pick('text', get('text')),
		font: pick('font', get('font')),
		contrast: pick('contrast', get('contrast')),
		motion: pick('motion', get('motion'))
	};
}

export function serialiseDisplaySettings(settings: DisplaySettings): string {
	return new URLSearchParams(settings).toString();
}

export function htmlAttributes(settings: DisplaySettings): string {
	return Object.entries(settings)
		.map(([key, value]) => `data-${key}="${value}"`)
		.join(' ');
}
