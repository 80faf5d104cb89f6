// Fields that several back-office forms share, with their French messages.
import { z } from 'zod';
import { parisLocalToDate } from '$lib/paris-time';
import { wholeNumber } from '$lib/codes';

export const titleField = z
	.string()
	.trim()
	.min(3, 'Donnez un titre d’au moins 3 caractères.')
	.max(200, '200 caractères au plus.');

/** The last part of a public address: /consultations/mon-avis-2026. */
export const slugField = z
	.string()
	.trim()
	.toLowerCase()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		'Lettres minuscules sans accent, chiffres et tirets seulement (par exemple mon-avis-2026).'
	)
	.min(3, '3 caractères au moins.')
	.max(80, '80 caractères au plus.');

/** The same, or empty: the service then proposes one from the title. */
export const optionalSlugField = z
	.string()
	.trim()
	.toLowerCase()
	.max(80, '80 caractères au plus.')
	.refine(
		(value) => value === '' || (value.length >= 3 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)),
		'Lettres minuscules sans accent, chiffres et tirets seulement (par exemple mon-avis-2026), 3 au moins.'
	)
	.default('');

/** A datetime-local value, read in Paris time. */
export const parisDateTimeField = (label: string) =>
	z
		.string()
		.trim()
		.refine((v) => parisLocalToDate(v) !== null, `Indiquez ${label} (jour et heure).`);

/** People who register give at least one of these three. */
export const CONTACT_MESSAGE =
	'Donnez au moins un moyen de vous joindre : e-mail, téléphone ou adresse postale.';

export const optionalEmailField = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, 'Adresse trop longue.')
	.refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
		message: 'Écrivez une adresse e-mail valide, par exemple nom@exemple.fr.'
	})
	.default('');

export const optionalPhoneField = z
	.string()
	.trim()
	.max(30, '30 caractères au plus.')
	.refine((v) => v === '' || /^[+\d][\d\s.-]{7,}$/.test(v), {
		message: 'Écrivez un numéro de téléphone, par exemple 02 54 00 00 00.'
	})
	.default('');

export const postalAddressField = z.string().trim().max(300, '300 caractères au plus.').default('');

/** A row id posted by a form; 0, which no row has, when it is not one, so the service answers « introuvable ». */
export const postedId = z
	.string()
	.default('')
	.transform((value) => wholeNumber(value) ?? 0);

/** The row ids ticked in a form (checkboxes sharing one name); anything else is left out. */
export const postedIds = z
	.array(z.string())
	.default([])
	.transform((ids) => ids.map(wholeNumber).filter((id): id is number => id !== null));

/** A choice that may be left empty: the id chosen, or null. */
export const optionalId = (message: string) =>
	z
		.string()
		.trim()
		.default('')
		.refine((value) => value === '' || wholeNumber(value) !== null, message)
		.transform((value) => wholeNumber(value));

/** A box to tick. */
export const tickBox = z.boolean().default(false);

/** A calendar day (YYYY-MM-DD, as a date field posts it), or empty. */
export const optionalDayField = z
	.string()
	.trim()
	.refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
		message: 'Indiquez une date, par exemple 31/12/2027.'
	})
	.default('');

/** Text left empty is no value. */
export const emptyAsNull = (text: string): string | null => text || null;
