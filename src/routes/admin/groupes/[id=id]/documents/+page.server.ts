import { fail } from '@sveltejs/kit';
import { wholeNumber } from '$lib/codes';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/plain-form';
import { renderMarkdown } from '$lib/server/markdown';
import { idParam } from '$lib/server/web/params';
import { getGroup } from '$lib/server/groups/manage';
import { addDocument, removeDocument } from '$lib/server/groups/documents';
import { documentSchema } from '$lib/server/groups/schemas';
import { textFields } from '$lib/server/groups/admin-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'groups.manage');
	const group = await orHttpError(getGroup(getDb(), locals.actor, idParam(params.id)));
	return {
		group,
		documents: group.documents.map((d) => ({ ...d, html: renderMarkdown(d.body) }))
	};
};

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		const values = textFields(await request.formData(), ['title', 'body', 'url']);
		const parsed = readForm(documentSchema, values);
		if (!parsed.ok) return fail(400, { form: 'add', values, errors: parsed.errors });
		try {
			await addDocument(getDb(), locals.actor, idParam(params.id), parsed.data);
			return { form: 'add', done: `Document « ${parsed.data.title} » partagé avec les membres.` };
		} catch (caught) {
			return failPlain(caught, { form: 'add', values, errors: {} as Record<string, string> });
		}
	},
	remove: async ({ request, locals, params }) => {
		const id = String((await request.formData()).get('documentId') ?? '');
		try {
			await removeDocument(getDb(), locals.actor, idParam(params.id), wholeNumber(id) ?? 0);
			return { form: 'remove', done: 'Document retiré.' };
		} catch (caught) {
			return failPlain(caught, { form: 'remove', errors: {} as Record<string, string> });
		}
	}
};
