// What the privacy page and the register of processing activities (article
// 30) show: the purposes table with the periods in force and the identity.
import { parisDay } from '$lib/paris-time';
import type { Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { writeCsvRecords } from '../csv';
import { getIdentity, type OrganisationIdentity } from '../settings/identity';
import { getRetentionPeriods, retentionChangedOn } from './periods';
import {
	describeRetention,
	falcSentence,
	isAdjustable,
	PURPOSES,
	PURPOSES_REVISED_ON,
	type Period,
	type Purpose
} from './purposes';

export interface PurposeInForce extends Purpose {
	inForce: Period;
	retention: string;
	falcText: string;
	adjustable: boolean;
}

export interface PrivacyNotice {
	identity: OrganisationIdentity;
	purposes: PurposeInForce[];
	/** The later of the table's revision and the administrators' last change. */
	revisedOn: Date;
}

export async function privacyNotice(db: Executor): Promise<PrivacyNotice> {
	const [identity, periods, changed] = await Promise.all([
		getIdentity(db),
		getRetentionPeriods(db),
		retentionChangedOn(db)
	]);
	const revised = new Date(`${PURPOSES_REVISED_ON}T00:00:00Z`);
	return {
		identity,
		purposes: PURPOSES.map((purpose) => ({
			...purpose,
			inForce: periods[purpose.code],
			retention: describeRetention(purpose, periods[purpose.code]),
			falcText: falcSentence(purpose, periods[purpose.code]),
			adjustable: isAdjustable(purpose)
		})),
		revisedOn: changed && changed > revised ? changed : revised
	};
}

const SECURITY_MEASURES =
	'Mots de passe chiffrés (argon2id), jetons de session stockés sous forme d’empreinte, connexion chiffrée, droits par rôle, journal des modifications, limitation des tentatives, chiffres publics jamais sur moins de 5 personnes';

const REGISTER_COLUMNS = [
	'Traitement',
	'Finalité',
	'Responsable du traitement',
	'Délégué à la protection des données',
	'Personnes concernées',
	'Catégories de données',
	'Données sensibles (article 9)',
	'Base légale',
	'Destinataires',
	'Transferts hors de l’Union européenne',
	'Durée de conservation',
	'À l’échéance',
	'Mesures de sécurité'
] as const;

/** The register of processing activities, one line a purpose, for the DPO. */
export async function processingRegisterCsv(
	db: Executor,
	actor: Actor | null
): Promise<{ fileName: string; body: string }> {
	assertCan(actor, 'privacy.manage');
	const notice = await privacyNotice(db);
	const { identity } = notice;
	const records = notice.purposes.map((p) => ({
		Traitement: `Concerto — ${p.title}`,
		Finalité: p.aim,
		'Responsable du traitement': `${identity.organisationName}, ${identity.organisationAddress}`,
		'Délégué à la protection des données': `${identity.dpoName}, ${identity.dpoEmail}, ${identity.dpoAddress}`,
		'Personnes concernées': p.people,
		'Catégories de données': p.data,
		'Données sensibles (article 9)': p.article9 ?? 'Aucune',
		'Base légale': p.legalBasis,
		Destinataires: p.recipients,
		'Transferts hors de l’Union européenne': 'Aucun',
		'Durée de conservation': p.retention,
		'À l’échéance': p.outcome,
		'Mesures de sécurité': SECURITY_MEASURES
	}));
	const day = parisDay(new Date());
	return {
		fileName: `registre-des-traitements-${day}.csv`,
		body: writeCsvRecords(records, REGISTER_COLUMNS)
	};
}
