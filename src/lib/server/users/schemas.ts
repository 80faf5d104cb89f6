import { z } from 'zod';
import { ROLES } from '../auth/permissions';

export const emailField = z
	.string({ error: 'Indiquez une adresse e-mail.' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'Indiquez une adresse e-mail.' })
	.max(254, { error: 'Cette adresse e-mail est trop longue.' })
	.pipe(z.email({ error: 'Indiquez une adresse e-mail valide, par exemple nom@exemple.fr.' }));

export const displayNameField = z
	.string({ error: 'Indiquez un nom.' })
	.trim()
	.min(1, { error: 'Indiquez un nom.' })
	.max(120, { error: 'Le nom ne doit pas dépasser 120 caractères.' });

export const roleField = z.enum(ROLES, { error: 'Choisissez un rôle dans la liste.' });

export const createUserSchema = z.object({
	email: emailField,
	displayName: displayNameField,
	role: roleField
});

export const updateUserSchema = z.object({
	displayName: displayNameField,
	role: roleField,
	active: z.boolean()
});

export const profileSchema = z.object({ displayName: displayNameField });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** A resident opens her own account: a name and an address to prove. */
export const residentSignupSchema = z.object({
	displayName: displayNameField,
	email: emailField
});
export type ResidentSignupInput = z.infer<typeof residentSignupSchema>;
