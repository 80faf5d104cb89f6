// What officers type to write a retour.
import { z } from 'zod';
import { slugField, titleField } from '../form-fields';

export const retourSchema = z
	.object({
		title: titleField,
		slug: slugField,
		body: z.string().trim().max(50000, '50 000 caractères au plus.').default(''),
		falcBody: z.string().trim().max(20000, '20 000 caractères au plus.').default(''),
		consultationId: z
			.string()
			.regex(/^\d{0,9}$/, 'Choisissez une consultation dans la liste.')
			.default(''),
		eventIds: z
			.array(z.string().regex(/^\d{1,9}$/))
			.max(50)
			.default([])
	})
	.refine((r) => r.consultationId || r.eventIds.length, {
		message: 'Choisissez la consultation ou au moins un événement dont ce retour rend compte.',
		path: ['consultationId']
	});
export type RetourInput = z.infer<typeof retourSchema>;
