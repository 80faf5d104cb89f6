// A resident joins the panel, confirms their e-mail, and can leave at any
// time through the link they were given, which erases what identifies them.
import { parisDay } from '$lib/paris-time';
import type { PersonStatus } from '$lib/panel-vocabulary';
import type { Context } from '../context';
import type { Db, Executor } from '../db/database';
import { fromDbJson, nowForDb } from '../db/codecs';
import { consumeRateLimit } from '../security/rate-limit';
import { InvalidInputError, NotFoundError } from '../errors';
import { panelAlreadyRegisteredMail, panelWelcomeMail } from '../mail/templates';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../auth/permissions';
import {
	communeExists,
	correctionColumns,
	insertPerson,
	issuePersonToken,
	personIdForToken
} from './people';
import type { SelfCorrection, SignupInput } from './schemas';

export interface SignupOutcome {
	manageToken: string;
	mailed: boolean;
	needsConfirmation: boolean;
}

export async function signUpForPanel(
	ctx: Context,
	input: SignupInput,
	clientAddress: string
): Promise<SignupOutcome> {
	const { db, mailer, origin } = ctx;
	await consumeRateLimit(db, `panel-signup:${clientAddress}`, {
		limit: ctx.submissionsPerHour,
		windowSeconds: 3600
	});
	if (!(await communeExists(db, input.communeCode)))
		throw new InvalidInputError('Choisissez votre commune dans la liste.', 'communeCode');

	const existing = input.email
		? await db
				.selectFrom('person')
				.select(['id', 'first_name'])
				.where('email', '=', input.email)
				.where('in_panel', '=', 1)
				.where('status', '!=', 'parti')
				.executeTakeFirst()
		: undefined;
	if (existing) {
		// Same answer as a new sign-up, so the form never tells who is on the panel.
		const manageToken = await issuePersonToken(db, existing.id, 'gestion', null);
		const sent = await mailer.send(
			db,
			panelAlreadyRegisteredMail(
				input.email,
				`${origin}/panel/inscription/${manageToken}`,
				existing.first_name
			)
		);
		return { manageToken: '', mailed: sent !== 'echec', needsConfirmation: true };
	}

	const { manageToken, confirmToken } = await db.transaction().execute(async (tx) => {
		const { id } = await insertPerson(tx, input, {
			source: 'en_ligne',
			collectedBy: 'formulaire en ligne',
			enteredBy: null
		});
		return {
			manageToken: await issuePersonToken(tx, id, 'gestion', null),
			confirmToken: input.email ? await issuePersonToken(tx, id, 'confirmation', 7) : null
		};
	});
	let mailed = false;
	if (input.email && confirmToken) {
		const sent = await mailer.send(
			db,
			panelWelcomeMail(input.email, {
				firstName: input.firstName,
				confirmLink: `${origin}/panel/confirmation/${confirmToken}`,
				manageLink: `${origin}/panel/inscription/${manageToken}`
			})
		);
		mailed = sent !== 'echec';
	}
	// With an e-mail address, the link to manage the sign-up goes by mail only,
	// as for an address already on the panel: the page looks the same for both.
	return {
		manageToken: input.email ? '' : manageToken,
		mailed,
		needsConfirmation: Boolean(input.email)
	};
}

export async function confirmPanelEmail(db: Db, token: string): Promise<{ firstName: string }> {
	return db.transaction().execute(async (tx) => {
		const personId = await personIdForToken(tx, token, 'confirmation');
		if (personId === null)
			throw new NotFoundError(
				'Ce lien de confirmation n’est plus valable. Il sert une seule fois, pendant 7 jours.'
			);
		const person = await tx
			.updateTable('person')
			.set({ email_confirmed_at: nowForDb(), updated_at: nowForDb() })
			.where('id', '=', personId)
			.returning('first_name')
			.executeTakeFirstOrThrow();
		await tx
			.deleteFrom('person_token')
			.where('person_id', '=', personId)
			.where('purpose', '=', 'confirmation')
			.execute();
		return { firstName: person.first_name };
	});
}

export interface OwnRegistration {
	firstName: string;
	lastName: string;
	email: string | null;
	emailConfirmed: boolean;
	phone: string | null;
	postalAddress: string | null;
	communeName: string | null;
	ageBand: string | null;
	gender: string | null;
	situations: string[];
	communeCode: string | null;
	availability: string[];
	needs: string[];
	needsDetail: string;
	/** How the person appears in published draws, so she can check them. */
	pseudonym: string;
	status: PersonStatus;
	mandateEnd: string | null;
	consents: { purpose: string; version: string; givenAt: string; withdrawnAt: string | null }[];
}

async function personForToken(tx: Executor, token: string): Promise<number> {
	const personId = await personIdForToken(tx, token, 'gestion');
	if (personId === null)
		throw new NotFoundError('Ce lien ne correspond à aucune inscription au panel.');
	return personId;
}

/** What a person sees of their own registration, through their link. */
export async function ownRegistration(db: Db, token: string): Promise<OwnRegistration> {
	const personId = await personForToken(db, token);
	const person = await db
		.selectFrom('person')
		.leftJoin('commune', 'commune.insee_code', 'person.commune_insee_code')
		.selectAll('person')
		.select('commune.name as commune_name')
		.where('person.id', '=', personId)
		.executeTakeFirstOrThrow();
	const consents = await db
		.selectFrom('consent')
		.selectAll()
		.where('person_id', '=', personId)
		.orderBy('given_at')
		.execute();
	return {
		firstName: person.first_name,
		lastName: person.last_name,
		email: person.email,
		emailConfirmed: person.email_confirmed_at !== null,
		phone: person.phone,
		postalAddress: person.postal_address,
		communeName: person.commune_name,
		ageBand: person.age_band,
		gender: person.gender,
		situations: fromDbJson<string[]>(person.situations, []),
		communeCode: person.commune_insee_code,
		availability: fromDbJson<string[]>(person.availability, []),
		needs: fromDbJson<string[]>(person.needs, []),
		needsDetail: person.needs_detail,
		pseudonym: person.pseudonym,
		status: person.status,
		mandateEnd: person.mandate_end,
		consents: consents.map((c) => ({
			purpose: c.purpose,
			version: c.text_version,
			givenAt: c.given_at,
			withdrawnAt: c.withdrawn_at
		}))
	};
}

/**
 * Leaving erases what identifies the person (name, contacts, address,
 * commune, age, gender, situation, needs) and withdraws every consent; the
 * pseudonym stays so that published draw lists remain checkable.
 */
export async function anonymisePerson(tx: Executor, personId: number): Promise<void> {
	const now = nowForDb();
	await tx
		.updateTable('person')
		.set({
			first_name: '',
			last_name: '',
			email: null,
			email_confirmed_at: null,
			phone: null,
			postal_address: null,
			household_key: null,
			commune_insee_code: null,
			age_band: null,
			gender: null,
			situations: '[]',
			availability: '[]',
			needs: '[]',
			needs_detail: '',
			status: 'parti',
			user_id: null,
			left_at: now,
			updated_at: now
		})
		.where('id', '=', personId)
		.execute();
	await tx
		.updateTable('consent')
		.set({ withdrawn_at: now })
		.where('person_id', '=', personId)
		.where('withdrawn_at', 'is', null)
		.execute();
	await tx
		.updateTable('group_membership')
		.set({ left_at: now })
		.where('person_id', '=', personId)
		.where('left_at', 'is', null)
		.execute();
	await tx.deleteFrom('group_body_seat').where('person_id', '=', personId).execute();
	await tx.deleteFrom('person_token').where('person_id', '=', personId).execute();
}

export async function leavePanel(db: Db, token: string): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const personId = await personForToken(tx, token);
		await anonymisePerson(tx, personId);
		await recordAudit(tx, {
			actor: null,
			action: 'panel.leave',
			entityType: 'person',
			entityId: personId
		});
	});
}

/** The person corrects what she gave, through her link; audited without the values. */
export async function correctOwnRegistration(
	db: Db,
	token: string,
	input: SelfCorrection
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const personId = await personForToken(tx, token);
		if (!(await communeExists(tx, input.communeCode)))
			throw new InvalidInputError('Choisissez votre commune dans la liste.', 'communeCode');
		const current = await tx
			.selectFrom('person')
			.select(['email', 'status'])
			.where('id', '=', personId)
			.executeTakeFirstOrThrow();
		if (current.status === 'parti')
			throw new InvalidInputError('Vous avez quitté le panel : il n’y a plus rien à corriger.');
		if (!current.email && !input.phone && !input.postalAddress)
			throw new InvalidInputError(
				'Gardez un téléphone ou une adresse postale : sans adresse e-mail, c’est ainsi que nous vous joignons.',
				'phone'
			);
		await tx
			.updateTable('person')
			.set(await correctionColumns(tx, input))
			.where('id', '=', personId)
			.execute();
		await recordAudit(tx, {
			actor: null,
			action: 'panel.self-correct',
			entityType: 'person',
			entityId: personId
		});
	});
}

/** Withdraws the consent to keep the person's situation, and erases it. */
export async function withdrawSituation(db: Db, token: string): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const personId = await personForToken(tx, token);
		const now = nowForDb();
		await tx
			.updateTable('person')
			.set({ situations: '[]', updated_at: now })
			.where('id', '=', personId)
			.execute();
		await tx
			.updateTable('consent')
			.set({ withdrawn_at: now })
			.where('person_id', '=', personId)
			.where('purpose', '=', 'situation')
			.where('withdrawn_at', 'is', null)
			.execute();
	});
}

/** Extends the mandate by a year from its end (or from today), at the person's request. */
export async function renewOwnMandate(db: Db, token: string): Promise<string> {
	return db.transaction().execute(async (tx) => {
		const personId = await personForToken(tx, token);
		const person = await tx
			.selectFrom('person')
			.select(['mandate_end', 'status'])
			.where('id', '=', personId)
			.executeTakeFirstOrThrow();
		if (person.status === 'parti') throw new InvalidInputError('Cette inscription a été close.');
		const from =
			person.mandate_end && person.mandate_end > parisDay(new Date())
				? new Date(person.mandate_end)
				: new Date();
		from.setUTCFullYear(from.getUTCFullYear() + 1);
		const end = parisDay(from);
		await tx
			.updateTable('person')
			.set({ mandate_end: end, renewal_reminded_at: null, updated_at: nowForDb() })
			.where('id', '=', personId)
			.execute();
		await recordAudit(tx, {
			actor: null as Actor | null,
			action: 'panel.renew',
			entityType: 'person',
			entityId: personId,
			after: { mandateEnd: end }
		});
		return end;
	});
}
