// What officers type in the consultation builder, checked with zod.
import { z } from 'zod';
import { optionalSlugField, parisDateTimeField, titleField } from '../form-fields';
import {
	ACCESS_MODES,
	AUDIENCES,
	IDENTITY_MODES,
	QUESTION_KINDS
} from '$lib/consultation-vocabulary';
import { parisLocalToDate, toParisLocalInput } from '$lib/paris-time';
import { splitFicheRefs } from '../fiches/refs';

/** The settings form's fields, as text. */
export const consultationFieldsSchema = z
	.object({
		title: titleField,
		slug: optionalSlugField,
		presentation: z.string().max(20000, '20 000 caractères au plus.').default(''),
		falcSummary: z.string().max(5000, '5 000 caractères au plus.').default(''),
		audiences: z
			.array(z.enum(AUDIENCES))
			.min(1, 'Choisissez au moins un public.')
			.default(['habitants']),
		access: z.enum(ACCESS_MODES).default('public'),
		identity: z.enum(IDENTITY_MODES).default('anonyme'),
		opensAt: parisDateTimeField('la date d’ouverture'),
		closesAt: parisDateTimeField('la date de clôture'),
		axes: z.array(z.string().max(20)).max(20).default([]),
		ficheRefs: z.string().max(2000).default('')
	})
	.refine(
		(c) => {
			const opens = parisLocalToDate(c.opensAt);
			const closes = parisLocalToDate(c.closesAt);
			return !opens || !closes || closes > opens;
		},
		{ message: 'La clôture doit venir après l’ouverture.', path: ['closesAt'] }
	);
export type ConsultationInput = z.infer<typeof consultationFieldsSchema>;

/** A consultation's settings as the services take them: instants and lists, not form encodings. */
export type ConsultationCommand = Omit<ConsultationInput, 'opensAt' | 'closesAt' | 'ficheRefs'> & {
	opensAt: Date;
	closesAt: Date;
	ficheRefs: string[];
};

/** The settings form, once its fields are accepted, read into a command. */
export function readConsultationForm(form: ConsultationInput): ConsultationCommand {
	return {
		...form,
		opensAt: parisLocalToDate(form.opensAt)!,
		closesAt: parisLocalToDate(form.closesAt)!,
		ficheRefs: splitFicheRefs(form.ficheRefs)
	};
}

/** The settings form, read into the command the services take. */
export const consultationSchema = consultationFieldsSchema.transform(readConsultationForm);

/** The other way, as the settings form shows it (and as the audit log compares it). */
export function consultationFormOf(command: ConsultationCommand): ConsultationInput {
	return {
		...command,
		opensAt: toParisLocalInput(command.opensAt),
		closesAt: toParisLocalInput(command.closesAt),
		ficheRefs: command.ficheRefs.join(', ')
	};
}

export const sectionSchema = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'Donnez un titre à la section.')
		.max(200, '200 caractères au plus.'),
	description: z.string().trim().max(2000, '2 000 caractères au plus.').default('')
});
export type SectionInput = z.infer<typeof sectionSchema>;

const optionalInteger = z
	.number({ error: 'Écrivez un nombre entier, en chiffres.' })
	.int('Écrivez un nombre entier, en chiffres.')
	.optional();

export const questionSchema = z.object({
	kind: z.enum(QUESTION_KINDS, { error: 'Choisissez un type de question.' }),
	label: z
		.string()
		.trim()
		.min(3, 'Écrivez la question (3 caractères au moins).')
		.max(500, '500 caractères au plus.'),
	help: z.string().trim().max(1000, '1 000 caractères au plus.').default(''),
	required: z.boolean().default(false),
	options: z.string().max(5000, '5 000 caractères au plus.').default(''),
	allowOther: z.boolean().default(false),
	exclusiveLast: z.boolean().default(false),
	scaleMin: optionalInteger,
	scaleMax: optionalInteger,
	minLabel: z.string().trim().max(60, '60 caractères au plus.').default(''),
	maxLabel: z.string().trim().max(60, '60 caractères au plus.').default(''),
	maxChoices: optionalInteger,
	conditionQuestionId: z.string().max(20).default(''),
	conditionOptionIds: z.array(z.string().max(20)).max(100).default([])
});
export type QuestionInput = z.infer<typeof questionSchema>;

export const invitationBatchSchema = z.object({
	count: z
		.number({ error: 'Indiquez un nombre de codes.' })
		.int('Un nombre entier.')
		.min(1, 'Au moins 1 code.')
		.max(2000, '2 000 codes au plus à la fois.')
});

export const invitationMailSchema = z.object({
	emails: z
		.string()
		.trim()
		.min(3, 'Collez au moins une adresse e-mail.')
		.max(100_000, 'Trop long : envoyez en plusieurs fois.')
});

/** A question input with nothing but its kind and wording: the rest left to defaults. */
export function questionInputOf(
	fields: Partial<QuestionInput> & Pick<QuestionInput, 'kind' | 'label'>
): QuestionInput {
	return {
		help: '',
		required: false,
		options: '',
		allowOther: false,
		exclusiveLast: false,
		scaleMin: undefined,
		scaleMax: undefined,
		minLabel: '',
		maxLabel: '',
		maxChoices: undefined,
		conditionQuestionId: '',
		conditionOptionIds: [],
		...fields
	};
}
