// What people type to join the panel, and what officers type for them.
import { z } from 'zod';
import {
	CONTACT_MESSAGE,
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

type Values = Record<string, unknown> & {
	email: string;
	phone: string;
	postalAddress: string;
	situations: string[];
	situationConsent: boolean;
};

/**
 * Every error at once: zod skips cross-field rules while another field is
 * wrong, so the contact and the sensitive-data rules are checked here too.
 */
export function readPersonForm<S extends z.ZodType>(
	schema: S,
	values: Values
): { ok: true; data: z.infer<S> } | { ok: false; errors: Record<string, string> } {
	const parsed = schema.safeParse(values);
	const errors: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
	}
	if (!values.email.trim() && !values.phone.trim() && !values.postalAddress.trim())
		errors.email ??= CONTACT_MESSAGE;
	if (values.situations.length > 0 && !values.situationConsent)
		errors.situationConsent ??=
			'Cochez cette case pour que nous gardions votre situation, ou décochez les situations.';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, data: parsed.data as z.infer<S> };
}

/** Reads the person form fields of a request body. */
export function personFormValues(data: FormData) {
	const text = (key: string) => {
		const value = data.get(key);
		return typeof value === 'string' ? value : '';
	};
	const list = (key: string) => data.getAll(key).filter((v): v is string => typeof v === 'string');
	return {
		firstName: text('firstName'),
		lastName: text('lastName'),
		email: text('email'),
		phone: text('phone'),
		postalAddress: text('postalAddress'),
		communeCode: text('communeCode'),
		ageBand: text('ageBand'),
		gender: text('gender'),
		situations: list('situations'),
		situationConsent: data.get('situationConsent') === 'on',
		availability: list('availability'),
		needs: list('needs'),
		needsDetail: text('needsDetail'),
		consent: data.get('consent') === 'on',
		source: text('source')
	};
}
