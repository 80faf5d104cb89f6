// The organisation's identity, entered once by an administrator: what every
// e-mail signature, letter and legal page needs (issue 14, first step).
import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { readSetting, writeSetting } from './settings';

const text = (label: string, max = 160) =>
	z
		.string({ error: `Indiquez ${label}.` })
		.trim()
		.min(1, { error: `Indiquez ${label}.` })
		.max(max, { error: `Ce champ ne doit pas dépasser ${max} caractères.` });
const optionalText = (max = 160) =>
	z
		.string()
		.trim()
		.max(max, { error: `Ce champ ne doit pas dépasser ${max} caractères.` })
		.default('');
const email = (label: string) =>
	z
		.string({ error: `Indiquez ${label}.` })
		.trim()
		.toLowerCase()
		.pipe(z.email({ error: 'Écrivez une adresse e-mail valide, par exemple nom@exemple.fr.' }));
const phone = (label: string) =>
	text(label, 30).regex(/^[+0-9 .()-]{6,30}$/, {
		error: 'Écrivez un numéro de téléphone, par exemple 02 54 58 41 41.'
	});

export const identitySchema = z.object({
	organisationName: text('le nom de l’organisation'),
	organisationAddress: text('l’adresse postale', 300),
	organisationPhone: phone('le téléphone de l’organisation'),
	serviceName: text('le nom du service'),
	serviceEmail: email('l’adresse e-mail du service'),
	servicePhone: phone('le téléphone du service'),
	serviceHours: text('les horaires du service'),
	dpoName: text('le nom ou la fonction du délégué à la protection des données'),
	dpoEmail: email('l’adresse e-mail du délégué à la protection des données'),
	dpoAddress: text('l’adresse postale du délégué à la protection des données', 300),
	hostName: text('le nom de l’hébergeur'),
	hostAddress: text('l’adresse de l’hébergeur', 300),
	hostPhone: phone('le téléphone de l’hébergeur'),
	publicationDirector: text('le directeur ou la directrice de la publication'),
	mailFrom: optionalText(160).pipe(
		z.union([
			z.literal(''),
			z.email({ error: 'Écrivez une adresse e-mail valide, ou laissez vide.' })
		])
	)
});

export type OrganisationIdentity = z.infer<typeof identitySchema>;

/** Loir-et-Cher, where Concerto runs first; every value can be changed. */
export const DEFAULT_IDENTITY: OrganisationIdentity = {
	organisationName: 'Département de Loir-et-Cher',
	organisationAddress: 'Hôtel du Département, place de la République, 41020 Blois Cedex',
	organisationPhone: '02 54 58 41 41',
	serviceName: 'Le service participation',
	serviceEmail: 'participation@departement41.fr',
	servicePhone: '02 54 58 41 41',
	serviceHours: 'du lundi au vendredi, de 9 h à 17 h',
	dpoName: 'Le délégué à la protection des données',
	dpoEmail: 'dpo@departement41.fr',
	dpoAddress: 'Délégué à la protection des données, place de la République, 41020 Blois Cedex',
	hostName: 'Direction des systèmes d’information du Département',
	hostAddress: 'Hôtel du Département, place de la République, 41020 Blois Cedex',
	hostPhone: '02 54 58 41 41',
	publicationDirector: 'Le président du Conseil départemental',
	mailFrom: ''
};

export async function getIdentity(db: Executor): Promise<OrganisationIdentity> {
	const saved = await readSetting<Partial<OrganisationIdentity>>(db, 'identity', {});
	return { ...DEFAULT_IDENTITY, ...saved };
}

export async function changeIdentity(
	db: Db,
	actor: Actor | null,
	identity: OrganisationIdentity
): Promise<void> {
	assertCan(actor, 'settings.manage');
	await db.transaction().execute(async (tx) => {
		const before = await getIdentity(tx);
		await writeSetting(tx, 'identity', identity);
		await recordAudit(tx, {
			actor,
			action: 'settings.identity',
			entityType: 'setting',
			entityId: 'identity',
			before,
			after: identity
		});
	});
}

/** How every e-mail ends: who writes, and how to reach them. */
export function mailSignature(identity: OrganisationIdentity): string {
	const service = `${identity.serviceName} — ${identity.organisationName}`;
	return [
		service,
		`Téléphone : ${identity.servicePhone} (${identity.serviceHours})`,
		`Courriel : ${identity.serviceEmail}`
	].join('\n');
}
