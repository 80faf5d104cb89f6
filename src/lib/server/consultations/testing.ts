// A small questionnaire built through the real builder, for domain tests.
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { createTestDatabase, createTestUser } from '../testing';
import { loadCommunes, loadTerritoriesAxesAndComponents } from '../reference/seed';
import {
	addProfileBlock,
	addQuestion,
	addSection,
	changeLifecycle,
	createConsultation
} from './builder';
import { getConsultationById, loadQuestionnaire } from './queries';
import { questionInputOf, type ConsultationCommand, type QuestionInput } from './schemas';

export function consultationInput(
	overrides: Partial<ConsultationCommand> = {}
): ConsultationCommand {
	const day = 24 * 3600 * 1000;
	return {
		title: 'Votre avis sur les services',
		slug: 'avis-services',
		presentation: 'Dites-nous **tout**.',
		falcSummary: 'Donnez votre avis.',
		audiences: ['habitants'],
		access: 'public',
		identity: 'anonyme',
		opensAt: new Date(Date.now() - day),
		closesAt: new Date(Date.now() + 7 * day),
		axes: [],
		ficheRefs: [],
		...overrides
	};
}

export function questionInput(overrides: Partial<QuestionInput>): QuestionInput {
	return questionInputOf({ kind: 'choix_unique', label: 'Question', ...overrides });
}

/**
 * Section 1: Q1 « Connaissez-vous la MDS ? » (oui/non, required),
 * Q2 « Quels services ? » (multiple with Autre, shown when Q1 = Oui),
 * Q3 satisfaction scale 1-5. Section 2: Q4 ranking, Q5 long text, Q6 number.
 * Then the profile block.
 */
export async function buildSampleConsultation(
	db: Db,
	actor: Actor,
	overrides: Partial<ConsultationCommand> = {}
) {
	const id = await createConsultation(db, actor, consultationInput(overrides));
	const sectionId = (await loadQuestionnaire(db, id)).sections[0].id;
	const q1 = await addQuestion(
		db,
		actor,
		id,
		sectionId,
		questionInput({
			kind: 'oui_non',
			label: 'Connaissez-vous votre maison des solidarités ?',
			required: true
		})
	);
	const yes = (await loadQuestionnaire(db, id)).sections[0].questions[0].options[0].id;
	await addQuestion(
		db,
		actor,
		id,
		sectionId,
		questionInput({
			kind: 'choix_multiple',
			label: 'Quels services y avez-vous utilisés ?',
			options: 'Accueil\nAide administrative\nAccompagnement social',
			allowOther: true,
			conditionQuestionId: String(q1),
			conditionOptionIds: [String(yes)]
		})
	);
	await addQuestion(
		db,
		actor,
		id,
		sectionId,
		questionInput({
			kind: 'echelle',
			label: 'Êtes-vous satisfait·e de l’accueil ?',
			scaleMin: 1,
			scaleMax: 5,
			minLabel: 'Pas du tout',
			maxLabel: 'Tout à fait'
		})
	);
	const second = await addSection(db, actor, id, { title: 'Vos priorités', description: '' });
	await addQuestion(
		db,
		actor,
		id,
		second,
		questionInput({
			kind: 'classement',
			label: 'Classez ces priorités',
			options: 'Mobilité\nNumérique\nLogement'
		})
	);
	await addQuestion(
		db,
		actor,
		id,
		second,
		questionInput({ kind: 'texte_long', label: 'Une idée pour améliorer les services ?' })
	);
	await addQuestion(
		db,
		actor,
		id,
		second,
		questionInput({ kind: 'nombre', label: 'Combien de kilomètres faites-vous pour y aller ?' })
	);
	await addProfileBlock(db, actor, id);
	await changeLifecycle(db, actor, id, 'publish');
	return {
		consultation: await getConsultationById(db, id),
		questionnaire: await loadQuestionnaire(db, id)
	};
}

export async function setUpConsultations(options: { poolSize?: number } = {}) {
	const db = await createTestDatabase(options);
	await loadTerritoriesAxesAndComponents(db);
	await loadCommunes(db, '41');
	const agent = await createTestUser(db, 'agent', { displayName: 'Agnès Agent' });
	const admin = await createTestUser(db, 'admin');
	return { db, agent: agent.actor, admin: admin.actor };
}

/** A FormData-like source from plain pairs. */
export function formOf(pairs: Record<string, string | string[]>) {
	const form = new FormData();
	for (const [name, value] of Object.entries(pairs))
		for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
	return form;
}
