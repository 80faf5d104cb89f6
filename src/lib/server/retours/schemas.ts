// What officers type to write a retour, read into what the services take
// (a consultation id or none, a list of event ids).
import { z } from 'zod';
import { slugField, titleField } from '../form-fields';
import { wholeNumber } from '$lib/codes';

export const retourSchema = z
	.object({
		title: titleField,
		slug: slugField,
		body: z.string().trim().max(50000, '50 000 caractères au plus.').default(''),
		falcBody: z.string().trim().max(20000, '20 000 caractères au plus.').default(''),
		consultationId: z
			.string()
			.refine(
				(v) => v === '' || wholeNumber(v) !== null,
				'Choisissez une consultation dans la liste.'
			)
			.default('')
			.transform((v) => wholeNumber(v) || null),
		eventIds: z
			.array(z.string().refine((v) => wholeNumber(v) !== null))
			.max(50)
			.default([])
			.transform((ids) => [...new Set(ids.map(Number))])
	})
	.refine((r) => r.consultationId || r.eventIds.length, {
		message: 'Choisissez la consultation ou au moins un événement dont ce retour rend compte.',
		path: ['consultationId']
	});
/** The command: `z.output` of the form, with ids as numbers. */
export type RetourInput = z.output<typeof retourSchema>;
