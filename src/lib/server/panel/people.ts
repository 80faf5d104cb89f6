// Creating people of the panel and recording what they agreed to.
import type { PersonSource, PersonStatus } from '$lib/panel-vocabulary';
import type { Executor, Tx } from '../db/database';
import { withFreshCode } from '../db/concurrency';
import { nowForDb, toDbJson } from '../db/codecs';
import { generateReadableCode } from '../consultations/codes';
import { generateToken, hashToken } from '../auth/tokens';
import { householdKey } from './household';
import type { SelfCorrection, SignupInput } from './schemas';

export const PANEL_CONSENT = {
	version: 'panel-2026-11',
	text: 'J’accepte que le Département garde ces informations pour me proposer de participer au panel départemental (ateliers, consultations, tirages au sort). Je peux quitter le panel à tout moment : mes informations sont alors effacées.'
};

export const SITUATION_CONSENT = {
	version: 'panel-situation-2026-11',
	text: 'J’accepte que le Département garde ma situation, pour que le panel ressemble aux habitants du Loir-et-Cher. Elle n’est vue que par l’équipe participation et n’est jamais publiée avec mon nom.'
};

export type PersonFields = Omit<SignupInput, 'consent'>;

async function territoryOf(tx: Executor, communeCode: string): Promise<number | null> {
	const commune = await tx
		.selectFrom('commune')
		.select('territory_id')
		.where('insee_code', '=', communeCode)
		.executeTakeFirst();
	return commune?.territory_id ?? null;
}

export async function communeExists(tx: Executor, communeCode: string): Promise<boolean> {
	return Boolean(
		await tx
			.selectFrom('commune')
			.select('insee_code')
			.where('insee_code', '=', communeCode)
			.executeTakeFirst()
	);
}

/** The columns a person's own correction changes (see selfCorrectionSchema). */
export async function correctionColumns(tx: Executor, input: SelfCorrection) {
	return {
		first_name: input.firstName,
		last_name: input.lastName,
		phone: input.phone || null,
		postal_address: input.postalAddress || null,
		household_key: householdKey([input.postalAddress]),
		commune_insee_code: input.communeCode,
		territory_id: await territoryOf(tx, input.communeCode),
		age_band: input.ageBand,
		gender: input.gender || null,
		availability: toDbJson(input.availability),
		needs: toDbJson(input.needs),
		needs_detail: input.needsDetail,
		updated_at: nowForDb()
	};
}

/** Inserts a person with their consents; returns the id and the pseudonym used in draws. */
export async function insertPerson(
	tx: Tx,
	input: PersonFields,
	options: {
		source: PersonSource;
		collectedBy: string;
		enteredBy: number | null;
		status?: PersonStatus;
	}
): Promise<{ id: number; pseudonym: string }> {
	const now = nowForDb();
	const territoryId = await territoryOf(tx, input.communeCode);
	// Six characters (30 bits): among thousands of people a repeat can happen; the unique constraint draws again.
	const { id, pseudonym } = await withFreshCode(
		tx,
		() => `P-${generateReadableCode(6)}`,
		async (pseudonym) => {
			const { id } = await tx
				.insertInto('person')
				.values({
					pseudonym,
					first_name: input.firstName,
					last_name: input.lastName,
					email: input.email || null,
					phone: input.phone || null,
					postal_address: input.postalAddress || null,
					household_key: householdKey([input.postalAddress]),
					commune_insee_code: input.communeCode,
					territory_id: territoryId,
					age_band: input.ageBand,
					gender: input.gender || null,
					situations: toDbJson(input.situationConsent ? input.situations : []),
					availability: toDbJson(input.availability),
					needs: toDbJson(input.needs),
					needs_detail: input.needsDetail,
					status: options.status ?? 'candidat',
					source: options.source,
					entered_by: options.enteredBy,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			return { id, pseudonym };
		}
	);
	await tx
		.insertInto('consent')
		.values({
			person_id: id,
			purpose: 'panel',
			text_version: PANEL_CONSENT.version,
			collected_by: options.collectedBy,
			given_at: now
		})
		.execute();
	if (input.situationConsent && input.situations.length > 0) {
		await tx
			.insertInto('consent')
			.values({
				person_id: id,
				purpose: 'situation',
				text_version: SITUATION_CONSENT.version,
				collected_by: options.collectedBy,
				given_at: now
			})
			.execute();
	}
	return { id, pseudonym };
}

const DAY = 24 * 3600 * 1000;

/** A link token for a person; only its hash is kept. */
export async function issuePersonToken(
	tx: Executor,
	personId: number,
	purpose: 'confirmation' | 'gestion',
	validDays: number | null
): Promise<string> {
	const token = generateToken();
	await tx
		.insertInto('person_token')
		.values({
			person_id: personId,
			purpose,
			token_hash: hashToken(token),
			created_at: nowForDb(),
			expires_at: validDays === null ? null : new Date(Date.now() + validDays * DAY).toISOString()
		})
		.execute();
	return token;
}

export async function personIdForToken(
	tx: Executor,
	token: string,
	purpose: 'confirmation' | 'gestion'
): Promise<number | null> {
	const row = await tx
		.selectFrom('person_token')
		.select(['person_id', 'expires_at'])
		.where('token_hash', '=', hashToken(token))
		.where('purpose', '=', purpose)
		.executeTakeFirst();
	if (!row || (row.expires_at && row.expires_at < new Date().toISOString())) return null;
	return row.person_id;
}
