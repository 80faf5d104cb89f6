// What officers type to run groups: the group, its members, bodies and documents.
import { z } from 'zod';
import {
	optionalDayField,
	optionalEmailField,
	optionalPhoneField,
	postalAddressField,
	slugField
} from '../form-fields';
import { GROUP_KINDS, GROUP_ROLES } from '$lib/panel-vocabulary';
import { wholeNumber } from '$lib/codes';

export const groupSchema = z.object({
	name: z
		.string()
		.trim()
		.min(3, 'Donnez un nom d’au moins 3 caractères.')
		.max(120, '120 caractères au plus.'),
	slug: slugField,
	kind: z.enum(GROUP_KINDS.map((k) => k.code) as [string, ...string[]], {
		error: 'Choisissez un type de groupe dans la liste.'
	}),
	territoryId: z
		.string()
		.refine((v) => v === '' || wholeNumber(v) !== null, 'Choisissez un territoire dans la liste.')
		.default('')
		.transform((v) => wholeNumber(v) || null),
	description: z.string().trim().max(5000, '5 000 caractères au plus.').default('')
});
/** The command: `z.output` of the form, the territory as an id or none. */
export type GroupInput = z.output<typeof groupSchema>;

export const membershipSchema = z
	.object({
		role: z.enum(GROUP_ROLES, { error: 'Choisissez un rôle dans la liste.' }),
		mandateStart: optionalDayField,
		mandateEnd: optionalDayField
	})
	.refine((m) => !m.mandateStart || !m.mandateEnd || m.mandateEnd >= m.mandateStart, {
		message: 'La fin du mandat doit venir après son début.',
		path: ['mandateEnd']
	});
export type MembershipInput = z.infer<typeof membershipSchema>;

const name = (what: string) =>
	z.string().trim().min(1, `Écrivez son ${what}.`).max(80, '80 caractères au plus.');

export const MEMBER_CONTACT_MESSAGE =
	'Donnez au moins un moyen de la joindre : e-mail, téléphone ou adresse postale.';

export function hasContact(values: { email?: string; phone?: string; postalAddress?: string }) {
	return Boolean(values.email?.trim() || values.phone?.trim() || values.postalAddress?.trim());
}

/** Someone who joins a group without joining the panel (a partner, a professional). */
export const outsideMemberSchema = z
	.object({
		firstName: name('prénom'),
		lastName: name('nom'),
		email: optionalEmailField,
		phone: optionalPhoneField,
		postalAddress: postalAddressField,
		consent: z.literal(true, {
			error: 'Cochez la case : la personne doit avoir donné son accord.'
		})
	})
	.and(membershipSchema)
	.refine(hasContact, { message: MEMBER_CONTACT_MESSAGE, path: ['email'] });
export type OutsideMemberInput = z.infer<typeof outsideMemberSchema>;

export const bodySchema = z.object({
	name: z
		.string()
		.trim()
		.min(3, 'Donnez un nom d’au moins 3 caractères.')
		.max(160, '160 caractères au plus.'),
	description: z.string().trim().max(2000, '2 000 caractères au plus.').default('')
});
export type BodyInput = z.infer<typeof bodySchema>;

export const documentSchema = z
	.object({
		title: z
			.string()
			.trim()
			.min(3, 'Donnez un titre d’au moins 3 caractères.')
			.max(200, '200 caractères au plus.'),
		body: z.string().trim().max(20000, '20 000 caractères au plus.').default(''),
		url: z
			.string()
			.trim()
			.max(500, '500 caractères au plus.')
			.refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), {
				message: 'Écrivez une adresse qui commence par https://'
			})
			.default('')
	})
	.refine((d) => d.body || d.url, {
		message: 'Écrivez le texte du document, ou donnez son adresse.',
		path: ['body']
	});
export type DocumentInput = z.infer<typeof documentSchema>;
