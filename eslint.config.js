import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'svelte/button-has-type': 'error',
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Every date shown to a person is in Europe/Paris and written the French
		// way (« 1er décembre »); every list sorts as French does.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: [
			'src/lib/paris-time.ts',
			'src/lib/french.ts',
			'src/lib/server/cli/**',
			'**/*.test.ts'
		],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector:
						"NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
					message: 'Formatez les dates avec $lib/paris-time (heure de Paris, « 1er »).'
				},
				{
					selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]',
					message: 'Formatez les dates avec $lib/paris-time (heure de Paris, « 1er »).'
				},
				{
					selector: "NewExpression[callee.object.name='Intl'][callee.property.name='Collator']",
					message: 'Triez avec compareFrench ou sortFrench de $lib/french.'
				},
				{
					selector: "CallExpression[callee.property.name='localeCompare']",
					message: 'Triez avec compareFrench ou sortFrench de $lib/french.'
				}
			]
		}
	}
);
