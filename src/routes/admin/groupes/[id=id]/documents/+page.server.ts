import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';
import { renderMarkdown } from '$lib/server/markdown';
import { idParam } from '$lib/server/web/params';
import { getGroup } from '$lib/server/groups/manage';
import { addDocument, removeDocument } from '$lib/server/groups/documents';
import { documentSchema } from '$lib/server/groups/schemas';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'groups.manage');
	const group = await orHttpError(getGroup(getDb(), locals.actor, idParam(params.id)));
	return {
		group,
		documents: group.documents.map((d) => ({ ...d, html: renderMarkdown(d.body) }))
	};
};

export const actions: Actions = {
	add: ({ request, locals, params }) =>
		handleForm(
			request,
			documentSchema,
			async (document) => {
				await addDocument(getDb(), locals.actor, idParam(params.id), document);
				return `Document « ${document.title} » partagé avec les membres.`;
			},
			{ form: 'add' }
		),
	remove: ({ request, locals, params }) =>
		handleForm(
			request,
			z.object({ documentId: postedId }),
			async ({ documentId }) => {
				await removeDocument(getDb(), locals.actor, idParam(params.id), documentId);
				return 'Document retiré.';
			},
			{ form: 'remove' }
		)
};
