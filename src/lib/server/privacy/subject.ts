// Everything Concerto holds about one person (the « personne concernée »),
// found by e-mail, phone or name across every table, or by their account;
// the same finding serves the back-office's rights requests, « Mon compte »
// and the e-mail-confirmed requests of people without an account.
import type { Executor } from '../db/database';
import { fromDbJson } from '../db/codecs';
import { formatParisDate, formatParisDateTime } from '$lib/paris-time';
import { ROLE_LABELS, isRole } from '../auth/permissions';

const REGISTRATION_STATUS: Record<string, string> = {
	inscrit: 'inscrit·e',
	attente: 'sur liste d’attente',
	annule: 'annulée'
};
const PERSON_STATUS: Record<string, string> = {
	candidat: 'candidat·e',
	actif: 'membre actif ou active',
	en_pause: 'en pause',
	parti: 'parti·e'
};

export interface SubjectQuery {
	email?: string;
	phone?: string;
	name?: string;
	/** An account: everything linked to it, and to its e-mail. */
	userId?: number;
}

/** The rows found, by table; ids only, so that export, correction and erasure act on the same set. */
export interface SubjectMatch {
	users: number[];
	people: number[];
	memberships: number[];
	registrations: number[];
	retourRequests: number[];
	contributions: number[];
	subscriptions: string[];
	mails: number[];
	responses: number[];
	privacyRequests: number[];
}

export function isEmpty(match: SubjectMatch): boolean {
	return Object.values(match).every((ids) => ids.length === 0);
}

const fold = (value: string) =>
	value
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.toLowerCase();

const phoneKey = (value: string | null) => (value ? value.replace(/\D/g, '').slice(-9) : '');

function sameName(query: string, ...parts: (string | null)[]): boolean {
	const wanted = fold(query);
	return wanted.length > 0 && fold(parts.filter(Boolean).join(' ')) === wanted;
}

export async function findSubject(db: Executor, query: SubjectQuery): Promise<SubjectMatch> {
	const email = query.email?.trim().toLowerCase() || null;
	const phone = phoneKey(query.phone ?? null) || null;
	const name = query.name?.trim() || null;
	const byEmail = <T extends { email: string | null }>(row: T) =>
		email !== null && row.email?.toLowerCase() === email;
	const byPhone = <T extends { phone: string | null }>(row: T) =>
		phone !== null && phone.length >= 9 && phoneKey(row.phone) === phone;

	const users = (await db.selectFrom('user').select(['id', 'email', 'display_name']).execute())
		.filter(
			(u) =>
				u.id === query.userId || byEmail(u) || (name !== null && sameName(name, u.display_name))
		)
		.map((u) => u.id);
	const accountEmails = query.userId
		? (await db.selectFrom('user').select('email').where('id', '=', query.userId).execute()).map(
				(u) => u.email.toLowerCase()
			)
		: [];
	const emails = new Set([...(email ? [email] : []), ...accountEmails]);
	const emailMatches = (value: string | null) => value !== null && emails.has(value.toLowerCase());

	const people = (
		await db
			.selectFrom('person')
			.select(['id', 'email', 'phone', 'first_name', 'last_name', 'user_id'])
			.execute()
	)
		.filter(
			(p) =>
				(p.user_id !== null && users.includes(p.user_id)) ||
				emailMatches(p.email) ||
				byPhone(p) ||
				(name !== null && sameName(name, p.first_name, p.last_name))
		)
		.map((p) => p.id);
	const memberships = people.length
		? (
				await db
					.selectFrom('group_membership')
					.select('id')
					.where('person_id', 'in', people)
					.execute()
			).map((m) => m.id)
		: [];
	const registrations = (
		await db
			.selectFrom('registration')
			.select(['id', 'email', 'phone', 'name', 'user_id'])
			.execute()
	)
		.filter(
			(r) =>
				(r.user_id !== null && users.includes(r.user_id)) ||
				emailMatches(r.email) ||
				byPhone(r) ||
				(name !== null && sameName(name, r.name))
		)
		.map((r) => r.id);
	const retourRequests = (
		await db.selectFrom('retour_request').select(['id', 'email', 'name']).execute()
	)
		.filter((r) => emailMatches(r.email) || (name !== null && sameName(name, r.name)))
		.map((r) => r.id);
	const contributions = (
		await db
			.selectFrom('contribution')
			.select(['id', 'contact_email', 'author_name', 'author_user_id'])
			.where((eb) =>
				eb.or([
					eb('contact_email', 'is not', null),
					eb('author_name', 'is not', null),
					eb('author_user_id', 'is not', null)
				])
			)
			.execute()
	)
		.filter(
			(c) =>
				(c.author_user_id !== null && users.includes(c.author_user_id)) ||
				emailMatches(c.contact_email) ||
				(name !== null && sameName(name, c.author_name))
		)
		.map((c) => c.id);
	const subscriptions = (await db.selectFrom('contact_subscription').select('email').execute())
		.filter((s) => emailMatches(s.email))
		.map((s) => s.email);
	const mails = (await db.selectFrom('mail_message').select(['id', 'to_address']).execute())
		.filter((m) => emailMatches(m.to_address))
		.map((m) => m.id);
	const responses = users.length
		? (
				await db
					.selectFrom('response')
					.select('id')
					.where('respondent_user_id', 'in', users)
					.execute()
			).map((r) => r.id)
		: [];
	const privacyRequests = (await db.selectFrom('privacy_request').select(['id', 'email']).execute())
		.filter((r) => emailMatches(r.email))
		.map((r) => r.id);
	return {
		users,
		people,
		memberships,
		registrations,
		retourRequests,
		contributions,
		subscriptions,
		mails,
		responses,
		privacyRequests
	};
}

export interface ReportItem {
	heading: string;
	fields: { label: string; value: string }[];
}

export interface ReportSection {
	key: keyof SubjectMatch;
	title: string;
	items: ReportItem[];
}

export interface SubjectReport {
	generatedAt: Date;
	sections: ReportSection[];
	/** What cannot be found because it was never linked to anyone. */
	anonymousNote: string;
}

export const ANONYMOUS_NOTE =
	'Les réponses aux questionnaires anonymes ne portent ni nom ni adresse : personne, pas même le service participation, ne peut les relier à vous. Elles ne figurent donc pas ici et ne peuvent être ni exportées ni effacées une à une.';

const date = (value: string | null) => (value ? formatParisDateTime(new Date(value)) : '—');
const day = (value: string | null) => (value ? formatParisDate(new Date(value)) : '—');
const text = (value: string | null | undefined) => (value && value.trim() ? value : '—');
const list = (json: string) => fromDbJson<string[]>(json, []).join(', ') || '—';

/** A readable account of every row found, in French, for the person and for the JSON export. */
export async function reportSubject(db: Executor, match: SubjectMatch): Promise<SubjectReport> {
	const none = [-1];
	const ids = (values: number[]) => (values.length ? values : none);
	const [users, people, memberships, registrations, requests, contributions, mails, responses] =
		await Promise.all([
			db.selectFrom('user').selectAll().where('id', 'in', ids(match.users)).execute(),
			db.selectFrom('person').selectAll().where('id', 'in', ids(match.people)).execute(),
			db
				.selectFrom('group_membership')
				.innerJoin('participation_group', 'participation_group.id', 'group_membership.group_id')
				.select([
					'group_membership.id',
					'participation_group.name',
					'group_membership.role',
					'group_membership.joined_at',
					'group_membership.left_at'
				])
				.where('group_membership.id', 'in', ids(match.memberships))
				.execute(),
			db
				.selectFrom('registration')
				.innerJoin('event', 'event.id', 'registration.event_id')
				.select([
					'registration.id',
					'event.title',
					'event.starts_at',
					'registration.status',
					'registration.name',
					'registration.email',
					'registration.phone',
					'registration.postal_address',
					'registration.needs',
					'registration.needs_detail',
					'registration.created_at'
				])
				.where('registration.id', 'in', ids(match.registrations))
				.execute(),
			db
				.selectFrom('retour_request')
				.selectAll()
				.where('id', 'in', ids(match.retourRequests))
				.execute(),
			db
				.selectFrom('contribution')
				.select([
					'id',
					'text',
					'source',
					'author_name',
					'contact_email',
					'created_at',
					'receipt_code'
				])
				.where('id', 'in', ids(match.contributions))
				.execute(),
			db
				.selectFrom('mail_message')
				.select(['id', 'to_address', 'subject', 'created_at', 'status'])
				.where('id', 'in', ids(match.mails))
				.execute(),
			db
				.selectFrom('response')
				.innerJoin('consultation', 'consultation.id', 'response.consultation_id')
				.select(['response.id', 'consultation.title', 'response.submitted_at', 'response.status'])
				.where('response.id', 'in', ids(match.responses))
				.execute()
		]);
	const sections: ReportSection[] = [
		{
			key: 'users',
			title: 'Compte',
			items: users.map((u) => ({
				heading: u.email,
				fields: [
					{ label: 'Nom affiché', value: u.display_name },
					{ label: 'Rôle', value: isRole(u.role) ? ROLE_LABELS[u.role] : u.role },
					{ label: 'Créé le', value: date(u.created_at) },
					{ label: 'Dernière connexion', value: date(u.last_login_at) }
				]
			}))
		},
		{
			key: 'people',
			title: 'Panel de résident·es',
			items: people.map((p) => ({
				heading: `${p.first_name} ${p.last_name}`.trim() || p.pseudonym,
				fields: [
					{ label: 'Pseudonyme dans les tirages', value: p.pseudonym },
					{ label: 'E-mail', value: text(p.email) },
					{ label: 'Téléphone', value: text(p.phone) },
					{ label: 'Adresse postale', value: text(p.postal_address) },
					{ label: 'Commune (code INSEE)', value: text(p.commune_insee_code) },
					{ label: 'Tranche d’âge', value: text(p.age_band) },
					{ label: 'Genre', value: text(p.gender) },
					{ label: 'Situation', value: list(p.situations) },
					{ label: 'Disponibilités', value: list(p.availability) },
					{ label: 'Besoins', value: list(p.needs) },
					{ label: 'Statut', value: PERSON_STATUS[p.status] ?? p.status },
					{ label: 'Mandat', value: `${day(p.mandate_start)} – ${day(p.mandate_end)}` },
					{ label: 'Inscrit·e le', value: date(p.created_at) }
				]
			}))
		},
		{
			key: 'memberships',
			title: 'Groupes',
			items: memberships.map((m) => ({
				heading: m.name,
				fields: [
					{ label: 'Rôle', value: m.role },
					{ label: 'Depuis le', value: date(m.joined_at) },
					{ label: 'Sorti·e le', value: date(m.left_at) }
				]
			}))
		},
		{
			key: 'registrations',
			title: 'Inscriptions aux événements',
			items: registrations.map((r) => ({
				heading: `${r.title} (${date(r.starts_at)})`,
				fields: [
					{ label: 'Statut', value: REGISTRATION_STATUS[r.status] ?? r.status },
					{ label: 'Nom', value: text(r.name) },
					{ label: 'E-mail', value: text(r.email) },
					{ label: 'Téléphone', value: text(r.phone) },
					{ label: 'Adresse postale', value: text(r.postal_address) },
					{ label: 'Besoins', value: list(r.needs) },
					{ label: 'Précisions', value: text(r.needs_detail) },
					{ label: 'Inscrit·e le', value: date(r.created_at) }
				]
			}))
		},
		{
			key: 'retourRequests',
			title: 'Demandes de retour',
			items: requests.map((r) => ({
				heading: `Demande du ${date(r.created_at)}`,
				fields: [
					{ label: 'Nom', value: text(r.name) },
					{ label: 'E-mail', value: text(r.email) },
					{ label: 'Adresse postale', value: text(r.postal_address) },
					{ label: 'En facile à lire', value: r.falc ? 'oui' : 'non' },
					{ label: 'Désabonné·e le', value: date(r.unsubscribed_at) }
				]
			}))
		},
		{
			key: 'contributions',
			title: 'Contributions',
			items: contributions.map((c) => ({
				heading: `Contribution du ${date(c.created_at)}`,
				fields: [
					{ label: 'Texte', value: c.text },
					{ label: 'Nom laissé', value: text(c.author_name) },
					{ label: 'E-mail laissé', value: text(c.contact_email) },
					{ label: 'Code de suivi', value: text(c.receipt_code) }
				]
			}))
		},
		{
			key: 'subscriptions',
			title: 'Nouvelles des contributions',
			items: match.subscriptions.map((email) => ({
				heading: email,
				fields: [
					{ label: 'Abonnement', value: 'Nouvelles des décisions prises sur vos contributions' }
				]
			}))
		},
		{
			key: 'responses',
			title: 'Réponses reliées à votre compte (consultations sur invitation)',
			items: responses.map((r) => ({
				heading: r.title,
				fields: [
					{ label: 'Statut', value: r.status === 'envoyee' ? 'envoyée' : 'en cours' },
					{ label: 'Envoyée le', value: date(r.submitted_at) }
				]
			}))
		},
		{
			key: 'mails',
			title: 'Courriels envoyés',
			items: mails.map((m) => ({
				heading: m.subject,
				fields: [
					{ label: 'Destinataire', value: m.to_address },
					{ label: 'Date', value: date(m.created_at) }
				]
			}))
		}
	];
	return { generatedAt: new Date(), sections, anonymousNote: ANONYMOUS_NOTE };
}
