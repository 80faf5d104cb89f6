// What people type to join the panel, and what officers type for them.
import { z } from 'zod';
import { readForm } from '../read-form';
import {
	CONTACT_MESSAGE,
	emptyAsNull,
	optionalDayField,
	optionalEmailField,
	optionalPhoneField,
	postalAddressField
} from '../form-fields';
import { AGE_BANDS } from '$lib/consultation-vocabulary';
import { AVAILABILITIES, NEEDS, PANEL_GENDERS, PANEL_SITUATIONS } from '$lib/panel-vocabulary';

const codes = <T extends readonly { code: string }[]>(list: T) =>
	list.map((item) => item.code) as [T[number]['code'], ...T[number]['code'][]];

const name = (what: string) =>
	z.string().trim().min(1, `Écrivez votre ${what}.`).max(80, '80 caractères au plus.');

export const personFields = {
	firstName: name('prénom'),
	lastName: name('nom'),
	email: optionalEmailField,
	phone: optionalPhoneField,
	postalAddress: postalAddressField,
	communeCode: z
		.string()
		.trim()
		.regex(/^\w{5}$/, 'Choisissez votre commune.'),
	ageBand: z.enum(codes(AGE_BANDS), { error: 'Choisissez votre tranche d’âge.' }),
	gender: z
		.enum([...PANEL_GENDERS, ''], { error: 'Choisissez une réponse de la liste.' })
		.default(''),
	situations: z
		.array(z.enum(codes(PANEL_SITUATIONS)))
		.max(PANEL_SITUATIONS.length)
		.default([]),
	situationConsent: z.boolean().default(false),
	availability: z
		.array(z.enum(codes(AVAILABILITIES)))
		.max(AVAILABILITIES.length)
		.default([]),
	needs: z
		.array(z.enum(codes(NEEDS)))
		.max(NEEDS.length)
		.default([]),
	needsDetail: z.string().trim().max(500, '500 caractères au plus.').default('')
};

export const signupSchema = z.object({
	...personFields,
	consent: z.literal(true, {
		error: 'Cochez la case pour accepter que nous gardions ces informations.'
	})
});
export type SignupInput = z.infer<typeof signupSchema>;

/**
 * What a member corrects herself through her link: everything she gave but
 * her e-mail (it proves her link) and her situation (withdrawn separately).
 */
export const selfCorrectionSchema = z.object({
	firstName: personFields.firstName,
	lastName: personFields.lastName,
	phone: personFields.phone,
	postalAddress: personFields.postalAddress,
	communeCode: personFields.communeCode,
	ageBand: personFields.ageBand,
	gender: personFields.gender,
	availability: personFields.availability,
	needs: personFields.needs,
	needsDetail: personFields.needsDetail
});
export type SelfCorrection = z.infer<typeof selfCorrectionSchema>;

/** Officers record people met in the field or on paper, with the consent they gave. */
export const officerPersonSchema = z.object({
	...personFields,
	source: z.enum(['terrain', 'papier']),
	consent: z.literal(true, {
		error: 'Cochez la case : la personne doit avoir donné son accord.'
	})
});
export type OfficerPersonInput = z.infer<typeof officerPersonSchema>;

/** An agent types in a « yes » to an invitation, given by phone or on the paper coupon. */
export const officerInvitationAnswerSchema = z.object({
	...personFields,
	code: z.string().trim().max(40).default(''),
	channel: z.enum(['telephone', 'papier'], { error: 'Dites comment la réponse est arrivée.' }),
	consent: z.literal(true, {
		error: 'Cochez la case : la personne doit avoir donné son accord.'
	})
});

/** A « no », by phone or coupon: only the code and the channel. */
export const officerInvitationDeclineSchema = officerInvitationAnswerSchema.pick({
	code: true,
	channel: true
});

/** A resident's answer on the web: the sign-up, with the letter's code. */
export const invitationSignupSchema = signupSchema.extend({
	code: z.string().trim().max(40).default('')
});

type Values = Record<string, unknown> & {
	email?: unknown;
	phone?: unknown;
	postalAddress?: unknown;
	situations?: unknown;
	situationConsent?: unknown;
};

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * The rules across a person's fields: a way to reach her, and her consent
 * for the sensitive data of a situation. Checked with the schema's own so
 * that every error shows at once.
 */
export function personChecks(values: Values): Record<string, string> {
	const errors: Record<string, string> = {};
	if (!filled(values.email) && !filled(values.phone) && !filled(values.postalAddress))
		errors.email = CONTACT_MESSAGE;
	const situations = [values.situations ?? []].flat();
	const consented = values.situationConsent === true || values.situationConsent === 'on';
	if (situations.length > 0 && !consented)
		errors.situationConsent =
			'Cochez cette case pour que nous gardions votre situation, ou décochez les situations.';
	return errors;
}

/** A person's form read with its schema and the rules across fields. */
export function readPersonForm<S extends z.ZodType>(schema: S, values: Values) {
	return readForm(schema, values, () => personChecks(values));
}

/** A member's status and mandate, as officers set them. */
export interface PersonStatusChange {
	status: 'candidat' | 'actif' | 'en_pause';
	mandateStart: string | null;
	mandateEnd: string | null;
}

/** The status form, read into a PersonStatusChange. Leaving the panel is its own action. */
export const personStatusSchema = z
	.object({
		status: z.enum(['candidat', 'actif', 'en_pause'], {
			error: 'Choisissez un statut de la liste.'
		}),
		mandateStart: optionalDayField.transform(emptyAsNull),
		mandateEnd: optionalDayField.transform(emptyAsNull)
	})
	.refine((m) => !m.mandateStart || !m.mandateEnd || m.mandateEnd > m.mandateStart, {
		message: 'La fin du mandat doit venir après son début.',
		path: ['mandateEnd']
	}) satisfies z.ZodType<PersonStatusChange, unknown>;
