import { describe, expect, it } from 'vitest';
import { isActionFailure, isRedirect, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { handleForm, postedInput, readPosted } from './forms';
import { InvalidInputError } from '../errors';
import { wholeNumber } from '$lib/codes';

const schema = z.object({
	title: z.string().trim().min(3, 'Trois lettres au moins.'),
	count: z
		.string()
		.default('')
		.transform((v) => wholeNumber(v)),
	tags: z.array(z.string()).default([]),
	ids: z
		.array(z.string())
		.default([])
		.transform((ids) => ids.map(Number)),
	password: z.string().default('')
});

function post(entries: [string, string | File][]) {
	const body = new FormData();
	for (const [name, value] of entries) body.append(name, value);
	return new Request('http://localhost/', { method: 'POST', body });
}

describe('reading a posted form', () => {
	it('gives the command: transformed values, lists for list fields even with one value', async () => {
		const posted = await readPosted(
			post([
				['title', 'Atelier'],
				['count', '12'],
				['tags', 'a'],
				['ids', '3'],
				['ids', '7']
			]),
			schema
		);
		expect(posted.ok && posted.data).toEqual({
			title: 'Atelier',
			count: 12,
			tags: ['a'],
			ids: [3, 7],
			password: ''
		});
	});

	it('gives every error at once with the values to show again, secrets left out', async () => {
		const posted = await readPosted(
			post([
				['title', 'A'],
				['password', 'secret'],
				['tags', 'x'],
				['tags', 'y']
			]),
			schema,
			{ form: 'edit', secret: ['password'], firstError: true }
		);
		expect(posted.ok).toBe(false);
		if (posted.ok) return;
		expect(posted.failure.status).toBe(400);
		expect(posted.failure.data).toEqual({
			form: 'edit',
			values: { title: 'A', tags: ['x', 'y'], ids: [] },
			errors: { title: 'Trois lettres au moins.' },
			error: 'Trois lettres au moins.',
			field: 'title'
		});
	});

	it('keeps files for the schema and out of the values', () => {
		const body = new FormData();
		body.append('file', new File(['a;b'], 'liste.csv'));
		const { input, values } = postedInput(body, z.object({ file: z.instanceof(File) }));
		expect(input.file).toBeInstanceOf(File);
		expect(values).toEqual({});
	});
});

describe('an action in one call', () => {
	it('answers with the sentence of the change', async () => {
		const answer = await handleForm(
			post([['title', 'Atelier']]),
			schema,
			async (c) => `Créé : ${c.title}`,
			{
				form: 'create'
			}
		);
		expect(answer).toEqual({ form: 'create', done: 'Créé : Atelier' });
	});

	it('answers a refusal with its field and the values, and lets redirects through', async () => {
		const refused = await handleForm(
			post([['title', 'Atelier']]),
			schema,
			async (): Promise<string> => {
				throw new InvalidInputError('Ce titre est pris.', 'title');
			}
		);
		expect(isActionFailure(refused) && refused.data).toMatchObject({
			error: 'Ce titre est pris.',
			field: 'title',
			values: { title: 'Atelier' }
		});
		const moved = await handleForm(post([['title', 'Atelier']]), schema, async () =>
			redirect(303, '/ailleurs')
		).catch((thrown) => thrown);
		expect(isRedirect(moved)).toBe(true);
	});
});

describe('checkboxes and numbers', () => {
	it('reads a ticked box as true, an absent one as false, and a number as a number', () => {
		const schema = z.object({
			consent: z.boolean(),
			withTexts: z.boolean().default(false),
			count: z.number().int().min(1)
		});
		const body = new FormData();
		body.append('consent', 'on');
		body.append('count', '25');
		expect(postedInput(body, schema).input).toEqual({ consent: true, withTexts: false, count: 25 });
	});
});

describe('schemas joined or read into commands', () => {
	it('finds the fields of both sides of `.and` and of a transformed object', () => {
		const joined = z
			.object({ consent: z.literal(true), tags: z.array(z.string()) })
			.and(z.object({ ids: z.array(z.string()) }))
			.transform((v) => v);
		const body = new FormData();
		body.append('consent', 'on');
		body.append('ids', '4');
		expect(postedInput(body, joined).input).toEqual({ consent: true, ids: ['4'], tags: [] });
	});
});
