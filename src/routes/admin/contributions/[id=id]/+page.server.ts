import type { Actions, PageServerLoad } from './$types';
import { idField, idFields } from '$lib/server/web/form-values';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { answerableLinks } from '$lib/server/auth/policy';
import { attemptAction, orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import { InvalidInputError } from '$lib/server/errors';
import { getContribution, similarContributions } from '$lib/server/contributions/inbox';
import { applyToContributions, mergeContributions } from '$lib/server/contributions/triage';
import { decide, linkToFiche, unlink } from '$lib/server/contributions/links';
import { maskContribution, unmaskContribution } from '$lib/server/contributions/moderation';
import { checkedIds, inboxOptions } from '$lib/server/contributions/admin-page';

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

const text = (data: FormData, key: string) => String(data.get(key) ?? '');

export const actions: Actions = {
	state: async ({ request, locals, params }) => {
		const data = await request.formData();
		return attemptAction('state', async () => {
			await applyToContributions(getDb(), locals.actor, [idParam(params.id)], {
				kind: 'state',
				state: text(data, 'state')
			});
			return 'État enregistré.';
		});
	},
	assign: async ({ request, locals, params }) => {
		const data = await request.formData();
		return attemptAction('assign', async () => {
			const user = idField(data, 'userId');
			await applyToContributions(getDb(), locals.actor, [idParam(params.id)], {
				kind: 'assign',
				userId: user || null
			});
			return user ? 'Contribution attribuée.' : 'Plus personne n’est chargé de cette contribution.';
		});
	},
	tag: async ({ request, locals, params }) => {
		const data = await request.formData();
		return attemptAction('tag', async () => {
			await applyToContributions(getDb(), locals.actor, [idParam(params.id)], {
				kind: 'tag',
				tag: text(data, 'tag')
			});
			return 'Étiquette ajoutée.';
		});
	},
	untag: async ({ request, locals, params }) => {
		const data = await request.formData();
		return attemptAction('untag', async () => {
			await applyToContributions(getDb(), locals.actor, [idParam(params.id)], {
				kind: 'untag',
				tag: text(data, 'tag')
			});
			return 'Étiquette retirée.';
		});
	},
	link: async ({ request, locals, params }) => {
		const data = await request.formData();
		const ref = text(data, 'ref').trim().toUpperCase();
		return attemptAction(
			'link',
			async () => {
				const db = getDb();
				const ficheIds = idFields(data, 'ficheId');
				if (ficheIds.length === 0 && ref) {
					const fiche = await db
						.selectFrom('fiche')
						.select('id')
						.where('ref', '=', ref)
						.executeTakeFirst();
					if (!fiche) throw new InvalidInputError(`Aucune fiche-action ${ref}.`, 'ref');
					ficheIds.push(fiche.id);
				}
				if (ficheIds.length === 0)
					throw new InvalidInputError(
						data.has('suggested')
							? 'Cochez au moins une fiche-action suggérée.'
							: 'Écrivez la référence, par exemple AUT-27.',
						data.has('suggested') ? 'ficheId' : 'ref'
					);
				for (const ficheId of ficheIds)
					await linkToFiche(db, locals.actor, idParam(params.id), ficheId);
				return ficheIds.length === 1
					? 'Contribution reliée à la fiche-action : décidez maintenant de la suite.'
					: `Contribution reliée à ${ficheIds.length} fiches-actions : décidez maintenant de la suite pour chacune.`;
			},
			{ ref }
		);
	},
	decide: async ({ request, locals }) => {
		const data = await request.formData();
		const linkId = idField(data, 'linkId');
		const values = { decision: text(data, 'decision'), explanation: text(data, 'explanation') };
		return attemptAction(
			`decide-${linkId}`,
			async () => {
				await decide(getDb(), locals.actor, linkId, values);
				return 'Décision enregistrée : elle est publiée avec son explication.';
			},
			{ values }
		);
	},
	unlink: async ({ request, locals }) => {
		const data = await request.formData();
		return attemptAction('unlink', async () => {
			await unlink(getDb(), locals.actor, idField(data, 'linkId'));
			return 'Lien retiré.';
		});
	},
	mask: async ({ request, locals, params }) => {
		const data = await request.formData();
		const values = { publicText: text(data, 'publicText'), reason: text(data, 'reason') };
		return attemptAction(
			'mask',
			async () => {
				await maskContribution(getDb(), locals.actor, idParam(params.id), values);
				return 'Le public voit désormais le texte masqué.';
			},
			{ values }
		);
	},
	unmask: async ({ locals, params }) =>
		attemptAction('unmask', async () => {
			await unmaskContribution(getDb(), locals.actor, idParam(params.id));
			return 'Le public voit de nouveau le texte original.';
		}),
	merge: async ({ request, locals, params }) => {
		const data = await request.formData();
		return attemptAction('merge', async () => {
			await mergeContributions(getDb(), locals.actor, idParam(params.id), checkedIds(data));
			return 'Doublons fusionnés dans cette contribution.';
		});
	}
};
