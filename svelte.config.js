import adapter from '@sveltejs/adapter-node';
import { typographiePreprocess } from './src/lib/typographie.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// French spacing (« … », before : ; ! ?) in every template's text.
	preprocess: [typographiePreprocess()],
	compilerOptions: {
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		// Hashes and nonces for every inline script Kit emits: no 'unsafe-inline' scripts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
