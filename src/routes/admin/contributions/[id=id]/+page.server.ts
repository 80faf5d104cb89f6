import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { answerableLinks } from '$lib/server/auth/policy';
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields, readPosted, refusal } from '$lib/server/web/forms';
import { optionalId, postedId, postedIds } from '$lib/server/form-fields';
import { idParam } from '$lib/server/web/params';
import { getContribution, similarContributions } from '$lib/server/contributions/inbox';
import { applyToContributions, mergeContributions } from '$lib/server/contributions/triage';
import { decide, linkToChosenFiches, unlink } from '$lib/server/contributions/links';
import { maskContribution, unmaskContribution } from '$lib/server/contributions/moderation';
import { inboxOptions } from '$lib/server/contributions/admin-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'contributions.answer');
	const db = getDb();
	const id = idParam(params.id);
	const { item, suggestions } = await orHttpError(getContribution(db, actor, id));
	const manage = can(actor, 'contributions.manage');
	return {
		item,
		suggestions,
		manage,
		moderate: can(actor, 'contributions.moderate'),
		similar: manage ? await similarContributions(db, actor, id) : [],
		options: manage ? await inboxOptions(db, locals.actor) : null,
		answerable: await answerableLinks(
			db,
			actor,
			id,
			item.links.map((l) => l.id)
		)
	};
};

const text = z.string().default('');
const stateSchema = z.object({ state: text });
const assignSchema = z.object({ userId: optionalId('Choisissez une personne dans la liste.') });
const tagSchema = z.object({ tag: text });
const linkSchema = z.object({
	ficheId: postedIds,
	ref: text.transform((ref) => ref.trim().toUpperCase()),
	suggested: z
		.string()
		.optional()
		.transform((v) => v !== undefined)
});
const decisionSchema = z.object({ linkId: postedId, decision: text, explanation: text });
const maskSchema = z.object({ publicText: text, reason: text });

/** One change to this contribution, answered by the form it came from. */
const change = <S extends z.ZodType>(
	request: Request,
	form: string,
	schema: S,
	work: (command: z.output<S>) => Promise<string>,
	keepValues = false
) => handleForm(request, schema, work, { form, keepValues, firstError: true });

export const actions: Actions = {
	state: ({ request, locals, params }) =>
		change(request, 'state', stateSchema, async ({ state }) => {
			await applyToContributions(getDb(), locals.actor, [idParam(params.id)], {
				kind: 'state',
				state
			});
			return 'État enregistré.';
		}),
	assign: ({ request, locals, params }) =>
		change(request, 'assign', assignSchema, async ({ userId }) => {
			await applyToContributions(getDb(), locals.actor, [idParam(params.id)], {
				kind: 'assign',
				userId
			});
			return userId
				? 'Contribution attribuée.'
				: 'Plus personne n’est chargé de cette contribution.';
		}),
	tag: ({ request, locals, params }) =>
		change(request, 'tag', tagSchema, async ({ tag }) => {
			await applyToContributions(getDb(), locals.actor, [idParam(params.id)], { kind: 'tag', tag });
			return 'Étiquette ajoutée.';
		}),
	untag: ({ request, locals, params }) =>
		change(request, 'untag', tagSchema, async ({ tag }) => {
			await applyToContributions(getDb(), locals.actor, [idParam(params.id)], {
				kind: 'untag',
				tag
			});
			return 'Étiquette retirée.';
		}),
	link: ({ request, locals, params }) =>
		handleForm(
			request,
			linkSchema,
			async ({ ficheId, ref, suggested }) => {
				const count = await linkToChosenFiches(getDb(), locals.actor, idParam(params.id), {
					ficheIds: ficheId,
					ref,
					fromSuggestions: suggested
				});
				return count === 1
					? 'Contribution reliée à la fiche-action : décidez maintenant de la suite.'
					: `Contribution reliée à ${count} fiches-actions : décidez maintenant de la suite pour chacune.`;
			},
			{
				form: 'link',
				answer: (values) => ({
					ref: String(values.ref ?? '')
						.trim()
						.toUpperCase()
				})
			}
		),
	decide: async ({ request, locals }) => {
		const posted = await readPosted(request, decisionSchema, { firstError: true });
		if (!posted.ok) return posted.failure;
		const { linkId, ...decision } = posted.data;
		const form = `decide-${linkId}`;
		try {
			await decide(getDb(), locals.actor, linkId, decision);
			return {
				form,
				done: 'Décision enregistrée : elle est publiée avec son explication.',
				values: decision
			};
		} catch (caught) {
			return refusal(caught, { form, values: decision });
		}
	},
	unlink: ({ request, locals }) =>
		change(request, 'unlink', decisionSchema.pick({ linkId: true }), async ({ linkId }) => {
			await unlink(getDb(), locals.actor, linkId);
			return 'Lien retiré.';
		}),
	mask: ({ request, locals, params }) =>
		change(
			request,
			'mask',
			maskSchema,
			async (mask) => {
				await maskContribution(getDb(), locals.actor, idParam(params.id), mask);
				return 'Le public voit désormais le texte masqué.';
			},
			true
		),
	unmask: ({ request, locals, params }) =>
		change(request, 'unmask', noFields, async () => {
			await unmaskContribution(getDb(), locals.actor, idParam(params.id));
			return 'Le public voit de nouveau le texte original.';
		}),
	merge: ({ request, locals, params }) =>
		change(request, 'merge', z.object({ ids: postedIds }), async ({ ids }) => {
			await mergeContributions(getDb(), locals.actor, idParam(params.id), ids);
			return 'Doublons fusionnés dans cette contribution.';
		})
};
