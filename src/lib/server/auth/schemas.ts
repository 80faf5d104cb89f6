import { z } from 'zod';
import { emailField } from '../users/schemas';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

export const loginSchema = z.object({
	email: emailField,
	password: z
		.string({ error: 'Indiquez votre mot de passe.' })
		.min(1, { error: 'Indiquez votre mot de passe.' })
		.max(PASSWORD_MAX_LENGTH, { error: 'Ce mot de passe est trop long.' })
});

export const resetRequestSchema = z.object({ email: emailField });

export const newPasswordField = z
	.string({ error: 'Choisissez un mot de passe.' })
	.min(PASSWORD_MIN_LENGTH, {
		error: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`
	})
	.max(PASSWORD_MAX_LENGTH, {
		error: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`
	});

export const newPasswordSchema = z
	.object({
		password: newPasswordField,
		confirmation: z.string({ error: 'Confirmez le mot de passe.' })
	})
	.refine((value) => value.password === value.confirmation, {
		path: ['confirmation'],
		error: 'Les deux mots de passe ne sont pas identiques.'
	});

export const changePasswordSchema = z
	.object({
		currentPassword: z
			.string({ error: 'Indiquez votre mot de passe actuel.' })
			.min(1, { error: 'Indiquez votre mot de passe actuel.' })
			.max(PASSWORD_MAX_LENGTH),
		password: newPasswordField,
		confirmation: z.string({ error: 'Confirmez le mot de passe.' })
	})
	.refine((value) => value.password === value.confirmation, {
		path: ['confirmation'],
		error: 'Les deux mots de passe ne sont pas identiques.'
	});

export const deleteAccountSchema = z.object({
	password: z
		.string({ error: 'Indiquez votre mot de passe pour confirmer.' })
		.min(1, { error: 'Indiquez votre mot de passe pour confirmer.' })
		.max(PASSWORD_MAX_LENGTH),
	withTexts: z.boolean().default(false)
});
