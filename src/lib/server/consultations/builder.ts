// The consultation builder: settings, life cycle, and the questionnaire's
// sections and questions. Once a response exists the structure is locked
// and only wording can change, so answers already received keep their meaning.
import type { Db, Executor, Tx } from '../db/database';
import { slugFor } from '../slugs';
import { nowForDb, toDbDate, toDbJson, toDbBool } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import {
	AGE_BANDS,
	GENDERS,
	SITUATIONS,
	type ConsultationStatus
} from '$lib/consultation-vocabulary';
import {
	allQuestions,
	consultationFromRow,
	type Consultation,
	type Question,
	type QuestionSettings
} from './model';
import { getConsultationById, hasAnyResponse, loadQuestionnaire } from './queries';
import { ficheIdsFromRefs } from '../fiches/refs';
import {
	consultationFormOf,
	type ConsultationCommand,
	type QuestionInput,
	type SectionInput
} from './schemas';

export const LOCKED_MESSAGE =
	'Des réponses ont déjà été reçues : seules les formulations peuvent être corrigées. Dupliquez la consultation pour en faire une nouvelle version.';

export interface ConsultationSummary {
	id: number;
	slug: string;
	title: string;
	status: ConsultationStatus;
	opensAt: Date;
	closesAt: Date;
	responses: number;
	drafts: number;
}

export async function listConsultations(db: Executor, actor: Actor | null) {
	assertCan(actor, 'consultations.results');
	const rows = await db
		.selectFrom('consultation')
		.selectAll('consultation')
		.select((eb) => [
			eb
				.selectFrom('response')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('response.consultation_id', '=', 'consultation.id')
				.where('response.status', '=', 'envoyee')
				.as('responses'),
			eb
				.selectFrom('response')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('response.consultation_id', '=', 'consultation.id')
				.where('response.status', '=', 'brouillon')
				.as('drafts')
		])
		.orderBy('opens_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map((row): ConsultationSummary => {
		const c = consultationFromRow(row);
		return {
			id: c.id,
			slug: c.slug,
			title: c.title,
			status: c.status,
			opensAt: c.opensAt,
			closesAt: c.closesAt,
			responses: Number(row.responses ?? 0),
			drafts: Number(row.drafts ?? 0)
		};
	});
}

async function checkAxes(db: Executor, axes: string[]): Promise<void> {
	if (axes.length === 0) return;
	const rows = await db.selectFrom('axis').select('code').where('code', 'in', axes).execute();
	if (rows.length !== new Set(axes).size) throw new InvalidInputError('Axe inconnu.', 'axes');
}

async function assertSlugFree(db: Executor, slug: string, exceptId?: number) {
	let query = db.selectFrom('consultation').select('id').where('slug', '=', slug);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	if (await query.executeTakeFirst())
		throw new ConflictError('Cette adresse est déjà prise par une autre consultation.', 'slug');
}

function settingsColumns(input: ConsultationCommand) {
	return {
		title: input.title,
		slug: input.slug,
		presentation: input.presentation,
		falc_summary: input.falcSummary,
		audiences: toDbJson(input.audiences),
		access: input.access,
		identity: input.identity,
		opens_at: toDbDate(input.opensAt),
		closes_at: toDbDate(input.closesAt)
	};
}

async function replaceLinks(tx: Tx, id: number, axes: string[], ficheIds: number[]) {
	await tx.deleteFrom('consultation_axis').where('consultation_id', '=', id).execute();
	await tx.deleteFrom('consultation_fiche').where('consultation_id', '=', id).execute();
	if (axes.length)
		await tx
			.insertInto('consultation_axis')
			.values([...new Set(axes)].map((axis_code) => ({ consultation_id: id, axis_code })))
			.execute();
	if (ficheIds.length)
		await tx
			.insertInto('consultation_fiche')
			.values(ficheIds.map((fiche_id) => ({ consultation_id: id, fiche_id })))
			.execute();
}

export async function createConsultation(
	db: Db,
	actor: Actor | null,
	input: ConsultationCommand
): Promise<number> {
	assertCan(actor, 'consultations.manage');
	input = { ...input, slug: await slugFor(db, 'consultation', input) };
	await assertSlugFree(db, input.slug);
	await checkAxes(db, input.axes);
	const ficheIds = await ficheIdsFromRefs(db, input.ficheRefs);
	return db.transaction().execute(async (tx) => {
		const now = nowForDb();
		const { id } = await tx
			.insertInto('consultation')
			.values({ ...settingsColumns(input), profile_block: 0, created_at: now, updated_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		await replaceLinks(tx, id, input.axes, ficheIds);
		await tx
			.insertInto('consultation_section')
			.values({ consultation_id: id, position: 1, title: 'Vos réponses', description: '' })
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'consultation.create',
			entityType: 'consultation',
			entityId: id,
			after: consultationFormOf(input)
		});
		return id;
	});
}

export async function getConsultationSettings(
	db: Executor,
	actor: Actor | null,
	id: number
): Promise<{ consultation: Consultation; command: ConsultationCommand; locked: boolean }> {
	assertCan(actor, 'consultations.results');
	const consultation = await getConsultationById(db, id);
	const [axes, fiches, locked] = await Promise.all([
		db
			.selectFrom('consultation_axis')
			.select('axis_code')
			.where('consultation_id', '=', id)
			.execute(),
		db
			.selectFrom('consultation_fiche')
			.innerJoin('fiche', 'fiche.id', 'consultation_fiche.fiche_id')
			.select('fiche.ref')
			.where('consultation_id', '=', id)
			.orderBy('fiche.ref')
			.execute(),
		hasAnyResponse(db, id)
	]);
	return {
		consultation,
		locked,
		command: {
			title: consultation.title,
			slug: consultation.slug,
			presentation: consultation.presentation,
			falcSummary: consultation.falcSummary,
			audiences: consultation.audiences,
			access: consultation.access,
			identity: consultation.identity,
			opensAt: consultation.opensAt,
			closesAt: consultation.closesAt,
			axes: axes.map((a) => a.axis_code),
			ficheRefs: fiches.map((f) => f.ref)
		}
	};
}

export async function updateConsultation(
	db: Db,
	actor: Actor | null,
	id: number,
	input: ConsultationCommand
): Promise<void> {
	assertCan(actor, 'consultations.manage');
	// Read, checked and written in one transaction: no response can arrive between the check and the change.
	await db.transaction().execute(async (tx) => {
		const before = await getConsultationSettings(tx, actor, id);
		input = { ...input, slug: await slugFor(tx, 'consultation', input, id) };
		await assertSlugFree(tx, input.slug, id);
		await checkAxes(tx, input.axes);
		const ficheIds = await ficheIdsFromRefs(tx, input.ficheRefs);
		if (before.locked) {
			const changed = (['access', 'identity'] as const).filter(
				(k) => before.command[k] !== input[k]
			);
			if (changed.length || before.command.audiences.join() !== input.audiences.join())
				throw new ConflictError(
					'Des réponses ont déjà été reçues : le public, l’accès et l’anonymat ne peuvent plus changer.'
				);
		}
		await tx
			.updateTable('consultation')
			.set({ ...settingsColumns(input), updated_at: nowForDb() })
			.where('id', '=', id)
			.execute();
		await replaceLinks(tx, id, input.axes, ficheIds);
		await recordAudit(tx, {
			actor,
			action: 'consultation.update',
			entityType: 'consultation',
			entityId: id,
			before: consultationFormOf(before.command),
			after: consultationFormOf(input)
		});
	});
}

export type LifecycleAction =
	'publish' | 'unpublish' | 'close' | 'reopen' | 'publish-results' | 'unpublish-results';

export async function changeLifecycle(
	db: Db,
	actor: Actor | null,
	id: number,
	action: LifecycleAction
): Promise<ConsultationStatus> {
	assertCan(actor, 'consultations.manage');
	const consultation = await getConsultationById(db, id);
	const now = nowForDb();
	const set: Record<string, string | null> = {};
	switch (action) {
		case 'publish': {
			const questionnaire = await loadQuestionnaire(db, id);
			if (allQuestions(questionnaire).length === 0)
				throw new ConflictError('Ajoutez au moins une question avant de publier.');
			set.published_at = now;
			break;
		}
		case 'unpublish':
			if (await hasAnyResponse(db, id))
				throw new ConflictError(
					'Des réponses ont déjà été reçues : la consultation ne peut plus redevenir un brouillon. Vous pouvez la clore.'
				);
			set.published_at = null;
			break;
		case 'close':
			if (consultation.status !== 'ouverte' && consultation.status !== 'planifiee')
				throw new ConflictError('Seule une consultation planifiée ou ouverte peut être close.');
			set.closed_early_at = now;
			break;
		case 'reopen':
			if (consultation.closesAt <= new Date())
				throw new ConflictError(
					'La date de clôture est passée : repoussez-la dans les réglages pour rouvrir.'
				);
			set.closed_early_at = null;
			set.results_published_at = null;
			break;
		case 'publish-results':
			if (consultation.status !== 'close')
				throw new ConflictError('Les résultats se publient une fois la consultation close.');
			set.results_published_at = now;
			break;
		case 'unpublish-results':
			set.results_published_at = null;
			break;
	}
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('consultation')
			.set({ ...set, updated_at: now })
			.where('id', '=', id)
			.execute();
		await recordAudit(tx, {
			actor,
			action: `consultation.${action}`,
			entityType: 'consultation',
			entityId: id,
			before: { status: consultation.status }
		});
	});
	return (await getConsultationById(db, id)).status;
}

/* ---------- Sections ---------- */

async function sectionOf(db: Executor, consultationId: number, sectionId: number) {
	const row = Number.isSafeInteger(sectionId)
		? await db
				.selectFrom('consultation_section')
				.selectAll()
				.where('id', '=', sectionId)
				.where('consultation_id', '=', consultationId)
				.executeTakeFirst()
		: undefined;
	if (!row) throw new NotFoundError('Section introuvable.');
	return row;
}

/** Inside the transaction that changes the structure, so no response slips in between. */
async function assertUnlocked(db: Executor, consultationId: number) {
	if (await hasAnyResponse(db, consultationId)) throw new ConflictError(LOCKED_MESSAGE);
}

async function audit(tx: Tx, actor: Actor | null, action: string, id: number, after?: unknown) {
	await recordAudit(tx, {
		actor,
		action,
		entityType: 'consultation',
		entityId: id,
		after
	});
}

async function nextSectionPosition(db: Executor, consultationId: number): Promise<number> {
	const row = await db
		.selectFrom('consultation_section')
		.select((eb) => eb.fn.max('position').as('max'))
		.where('consultation_id', '=', consultationId)
		.executeTakeFirst();
	return Number(row?.max ?? 0) + 1;
}

export async function addSection(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	input: SectionInput
): Promise<number> {
	assertCan(actor, 'consultations.manage');
	await getConsultationById(db, consultationId);
	return db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		const { id } = await tx
			.insertInto('consultation_section')
			.values({
				consultation_id: consultationId,
				position: await nextSectionPosition(tx, consultationId),
				title: input.title,
				description: input.description
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(tx, actor, 'consultation.section.add', consultationId, input);
		return id;
	});
}

export async function updateSection(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	sectionId: number,
	input: SectionInput
): Promise<void> {
	assertCan(actor, 'consultations.manage');
	await sectionOf(db, consultationId, sectionId);
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('consultation_section')
			.set({ title: input.title, description: input.description })
			.where('id', '=', sectionId)
			.execute();
		await audit(tx, actor, 'consultation.section.update', consultationId, input);
	});
}

export async function deleteSection(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	sectionId: number
): Promise<void> {
	assertCan(actor, 'consultations.manage');
	const section = await sectionOf(db, consultationId, sectionId);
	const questionnaire = await loadQuestionnaire(db, consultationId);
	if (questionnaire.sections.length <= 1)
		throw new ConflictError('Un questionnaire garde au moins une section.');
	const removed = new Set(
		questionnaire.sections.find((s) => s.id === sectionId)?.questions.map((q) => q.id)
	);
	assertNoDependents(
		questionnaire.sections.flatMap((s) => s.questions),
		removed
	);
	await db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		await tx.deleteFrom('consultation_section').where('id', '=', sectionId).execute();
		await audit(tx, actor, 'consultation.section.delete', consultationId, { title: section.title });
	});
}

function assertNoDependents(questions: Question[], removed: Set<number>) {
	const dependent = questions.find(
		(q) => !removed.has(q.id) && q.condition && removed.has(q.condition.questionId)
	);
	if (dependent)
		throw new ConflictError(
			`La question Q${dependent.number} dépend de celle-ci pour s’afficher : modifiez d’abord sa condition.`
		);
}

/** Swaps a row with its neighbour; conditions must still look back afterwards. */
async function swapPositions(
	tx: Tx,
	table: 'consultation_section' | 'question',
	a: { id: number; position: number },
	b: { id: number; position: number }
) {
	await tx.updateTable(table).set({ position: b.position }).where('id', '=', a.id).execute();
	await tx.updateTable(table).set({ position: a.position }).where('id', '=', b.id).execute();
}

function conditionsLookBack(questions: Question[]): boolean {
	const seen = new Set<number>();
	for (const q of questions) {
		if (q.condition && !seen.has(q.condition.questionId)) return false;
		seen.add(q.id);
	}
	return true;
}

export async function moveSection(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	sectionId: number,
	direction: 'up' | 'down'
): Promise<void> {
	assertCan(actor, 'consultations.manage');
	await sectionOf(db, consultationId, sectionId);
	await db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		const sections = await renumbered(tx, 'consultation_section', consultationId);
		const index = sections.findIndex((s) => s.id === sectionId);
		const other = sections[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		await swapPositions(tx, 'consultation_section', sections[index], other);
		if (!conditionsLookBack(allQuestions(await loadQuestionnaire(tx, consultationId))))
			throw new ConflictError(
				'Ce déplacement placerait une question avant celle dont dépend son affichage.'
			);
		await audit(tx, actor, 'consultation.section.move', consultationId, { sectionId, direction });
	});
}

/**
 * Numbers the sections of a consultation, or the questions of a section,
 * 1, 2, 3… in their order (gaps left by deletions closed), and returns them.
 */
async function renumbered(
	tx: Tx,
	table: 'consultation_section' | 'question',
	parentId: number
): Promise<{ id: number; position: number }[]> {
	const rows =
		table === 'consultation_section'
			? await tx
					.selectFrom('consultation_section')
					.select('id')
					.where('consultation_id', '=', parentId)
					.orderBy('position')
					.orderBy('id')
					.execute()
			: await tx
					.selectFrom('question')
					.select('id')
					.where('section_id', '=', parentId)
					.orderBy('position')
					.orderBy('id')
					.execute();
	for (const [i, row] of rows.entries())
		await tx
			.updateTable(table)
			.set({ position: i + 1 })
			.where('id', '=', row.id)
			.execute();
	return rows.map((row, i) => ({ id: row.id, position: i + 1 }));
}

/* ---------- Questions ---------- */

interface QuestionDraft {
	kind: Question['kind'];
	label: string;
	help: string;
	required: boolean;
	settings: QuestionSettings;
	options: { label: string; isOther: boolean }[];
	condition: { questionId: number; optionIds: number[] } | null;
}

function optionLines(text: string): string[] {
	return [
		...new Set(
			text
				.split(/\r?\n/)
				.map((l) => l.trim())
				.filter(Boolean)
		)
	];
}

/** From the form to a question, checking what zod cannot: options, scale, condition. */
function draftFromInput(input: QuestionInput, earlier: Question[]): QuestionDraft {
	const settings: QuestionSettings = {};
	let options: QuestionDraft['options'] = [];
	const lines = optionLines(input.options);
	if (lines.some((l) => l.length > 200))
		throw new InvalidInputError('Une proposition fait plus de 200 caractères.', 'options');
	switch (input.kind) {
		case 'choix_unique':
		case 'choix_multiple':
		case 'classement':
			if (lines.length < 2)
				throw new InvalidInputError(
					'Écrivez au moins deux propositions, une par ligne.',
					'options'
				);
			if (lines.length > 40) throw new InvalidInputError('40 propositions au plus.', 'options');
			options = lines.map((label) => ({ label, isOther: false }));
			if (input.allowOther && input.kind !== 'classement')
				options.push({ label: 'Autre', isOther: true });
			if (input.kind === 'choix_multiple' && input.maxChoices !== undefined) {
				if (input.maxChoices < 1 || input.maxChoices > options.length)
					throw new InvalidInputError(
						`Entre 1 et ${options.length} réponses au plus.`,
						'maxChoices'
					);
				settings.maxChoices = input.maxChoices;
			}
			if (input.kind === 'choix_multiple' && input.exclusiveLast) settings.exclusiveLast = true;
			break;
		case 'oui_non':
			options = [
				{ label: 'Oui', isOther: false },
				{ label: 'Non', isOther: false }
			];
			break;
		case 'echelle': {
			const min = input.scaleMin ?? 1;
			const max = input.scaleMax ?? 5;
			if (min < 0 || max > 10 || max - min < 1)
				throw new InvalidInputError(
					'Une échelle va de 0 ou plus à 10 au plus, avec au moins deux valeurs.',
					'scaleMax'
				);
			Object.assign(settings, { min, max, minLabel: input.minLabel, maxLabel: input.maxLabel });
			break;
		}
		case 'nombre':
			if (input.scaleMin !== undefined) settings.min = input.scaleMin;
			if (input.scaleMax !== undefined) settings.max = input.scaleMax;
			break;
	}
	let condition: QuestionDraft['condition'] = null;
	if (input.conditionQuestionId) {
		const source = earlier.find((q) => String(q.id) === input.conditionQuestionId);
		if (!source || !['choix_unique', 'choix_multiple', 'oui_non'].includes(source.kind))
			throw new InvalidInputError(
				'Une condition porte sur une question à choix placée avant celle-ci.',
				'conditionQuestionId'
			);
		const optionIds = input.conditionOptionIds.map(Number);
		if (optionIds.length === 0 || optionIds.some((id) => !source.options.some((o) => o.id === id)))
			throw new InvalidInputError(
				'Cochez la ou les réponses qui font apparaître cette question.',
				'conditionOptionIds'
			);
		condition = { questionId: source.id, optionIds };
	}
	return {
		kind: input.kind,
		label: input.label,
		help: input.help,
		required: input.required,
		settings,
		options,
		condition
	};
}

async function insertOptions(tx: Tx, questionId: number, options: QuestionDraft['options']) {
	if (options.length === 0) return;
	await tx
		.insertInto('question_option')
		.values(
			options.map((o, i) => ({
				question_id: questionId,
				position: i + 1,
				label: o.label,
				is_other: toDbBool(o.isOther)
			}))
		)
		.execute();
}

async function insertQuestion(
	tx: Tx,
	consultationId: number,
	sectionId: number,
	position: number,
	draft: QuestionDraft,
	profileKey: string | null = null
): Promise<number> {
	const { id } = await tx
		.insertInto('question')
		.values({
			consultation_id: consultationId,
			section_id: sectionId,
			position,
			kind: draft.kind,
			label: draft.label,
			help: draft.help,
			required: toDbBool(draft.required),
			settings: toDbJson(draft.settings),
			condition: draft.condition ? toDbJson(draft.condition) : null,
			profile_key: profileKey
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await insertOptions(tx, id, draft.options);
	return id;
}

async function nextQuestionPosition(tx: Executor, sectionId: number) {
	const row = await tx
		.selectFrom('question')
		.select((eb) => eb.fn.max('position').as('max'))
		.where('section_id', '=', sectionId)
		.executeTakeFirst();
	return Number(row?.max ?? 0) + 1;
}

export async function addQuestion(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	sectionId: number,
	input: QuestionInput
): Promise<number> {
	assertCan(actor, 'consultations.manage');
	await sectionOf(db, consultationId, sectionId);
	const questionnaire = await loadQuestionnaire(db, consultationId);
	const sectionIndex = questionnaire.sections.findIndex((s) => s.id === sectionId);
	const earlier = questionnaire.sections.slice(0, sectionIndex + 1).flatMap((s) => s.questions);
	const draft = draftFromInput(input, earlier);
	return db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		const id = await insertQuestion(
			tx,
			consultationId,
			sectionId,
			await nextQuestionPosition(tx, sectionId),
			draft
		);
		await audit(tx, actor, 'consultation.question.add', consultationId, input);
		return id;
	});
}

export async function getQuestion(
	db: Executor,
	actor: Actor | null,
	consultationId: number,
	questionId: number
) {
	assertCan(actor, 'consultations.manage');
	const questionnaire = await loadQuestionnaire(db, consultationId);
	const questions = allQuestions(questionnaire);
	const index = questions.findIndex((q) => q.id === questionId);
	if (index < 0) throw new NotFoundError('Question introuvable.');
	const question = questions[index];
	const input: QuestionInput = {
		kind: question.kind,
		label: question.label,
		help: question.help,
		required: question.required,
		options: question.options
			.filter((o) => !o.isOther)
			.map((o) => o.label)
			.join('\n'),
		allowOther: question.options.some((o) => o.isOther),
		exclusiveLast: question.settings.exclusiveLast ?? false,
		scaleMin: question.settings.min,
		scaleMax: question.settings.max,
		minLabel: question.settings.minLabel ?? '',
		maxLabel: question.settings.maxLabel ?? '',
		maxChoices: question.settings.maxChoices,
		conditionQuestionId: question.condition ? String(question.condition.questionId) : '',
		conditionOptionIds: question.condition?.optionIds.map(String) ?? []
	};
	return {
		question,
		input,
		earlierChoiceQuestions: questions
			.slice(0, index)
			.filter((q) => ['choix_unique', 'choix_multiple', 'oui_non'].includes(q.kind)),
		locked: await hasAnyResponse(db, consultationId)
	};
}

export async function updateQuestion(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	questionId: number,
	input: QuestionInput
): Promise<void> {
	const current = await getQuestion(db, actor, consultationId, questionId);
	const draft = draftFromInput(input, current.earlierChoiceQuestions);
	const question = current.question;
	if (current.locked || question.profileKey) {
		const sameShape =
			draft.kind === question.kind &&
			draft.required === question.required &&
			draft.options.length === question.options.length &&
			draft.options.every((o, i) => o.isOther === question.options[i].isOther) &&
			JSON.stringify(draft.condition) === JSON.stringify(question.condition) &&
			(['min', 'max', 'maxChoices'] as const).every(
				(k) => draft.settings[k] === question.settings[k]
			);
		if (!sameShape)
			throw new ConflictError(
				question.profileKey
					? 'Cette question du bloc profil standard garde ses réponses pour comparer les consultations : seules les formulations peuvent changer.'
					: LOCKED_MESSAGE
			);
	}
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('question')
			.set({
				kind: draft.kind,
				label: draft.label,
				help: draft.help,
				required: toDbBool(draft.required),
				settings: toDbJson(draft.settings),
				condition: draft.condition ? toDbJson(draft.condition) : null
			})
			.where('id', '=', questionId)
			.execute();
		const sameOptions =
			draft.options.length === question.options.length &&
			draft.options.every((o, i) => o.isOther === question.options[i].isOther);
		if (sameOptions) {
			for (const [i, option] of question.options.entries())
				await tx
					.updateTable('question_option')
					.set({ label: draft.options[i].label })
					.where('id', '=', option.id)
					.execute();
		} else {
			assertNoDependents(
				allQuestions(await loadQuestionnaire(tx, consultationId)),
				new Set([questionId])
			);
			await tx.deleteFrom('question_option').where('question_id', '=', questionId).execute();
			await insertOptions(tx, questionId, draft.options);
		}
		await audit(tx, actor, 'consultation.question.update', consultationId, input);
	});
}

export async function deleteQuestion(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	questionId: number
): Promise<void> {
	const current = await getQuestion(db, actor, consultationId, questionId);
	assertNoDependents(
		allQuestions(await loadQuestionnaire(db, consultationId)),
		new Set([questionId])
	);
	await db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		await tx.deleteFrom('question').where('id', '=', questionId).execute();
		await audit(tx, actor, 'consultation.question.delete', consultationId, {
			label: current.question.label
		});
	});
}

export async function moveQuestion(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	questionId: number,
	direction: 'up' | 'down'
): Promise<void> {
	const current = await getQuestion(db, actor, consultationId, questionId);
	await db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		const siblings = await renumbered(tx, 'question', current.question.sectionId);
		const index = siblings.findIndex((s) => s.id === questionId);
		const other = siblings[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		await swapPositions(tx, 'question', siblings[index], other);
		if (!conditionsLookBack(allQuestions(await loadQuestionnaire(tx, consultationId))))
			throw new ConflictError(
				'Ce déplacement placerait une question avant celle dont dépend son affichage.'
			);
		await audit(tx, actor, 'consultation.question.move', consultationId, { questionId, direction });
	});
}

/** Copies questions into a section, remapping conditions among the copies. */
async function copyQuestions(
	tx: Tx,
	targetConsultationId: number,
	targetSectionId: number,
	questions: Question[],
	optionMap: Map<number, number>,
	questionMap: Map<number, number>,
	startPosition: number
) {
	let position = startPosition;
	for (const question of questions) {
		const condition = question.condition
			? {
					questionId:
						questionMap.get(question.condition.questionId) ?? question.condition.questionId,
					optionIds: question.condition.optionIds.map((id) => optionMap.get(id) ?? id)
				}
			: null;
		const newId = await insertQuestion(
			tx,
			targetConsultationId,
			targetSectionId,
			position++,
			{ ...question, options: [], condition },
			question.profileKey
		);
		questionMap.set(question.id, newId);
		for (const [i, option] of question.options.entries()) {
			const { id } = await tx
				.insertInto('question_option')
				.values({
					question_id: newId,
					position: i + 1,
					label: option.label,
					is_other: toDbBool(option.isOther)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			optionMap.set(option.id, id);
		}
	}
}

export async function duplicateQuestion(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	questionId: number
): Promise<number> {
	const current = await getQuestion(db, actor, consultationId, questionId);
	return db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		const questionMap = new Map<number, number>();
		const copy = {
			...current.question,
			label: `${current.question.label} (copie)`,
			profileKey: null
		};
		await copyQuestions(
			tx,
			consultationId,
			current.question.sectionId,
			[copy],
			new Map(),
			questionMap,
			await nextQuestionPosition(tx, current.question.sectionId)
		);
		await audit(tx, actor, 'consultation.question.duplicate', consultationId, { questionId });
		return questionMap.get(questionId)!;
	});
}

export async function duplicateSection(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	sectionId: number
): Promise<number> {
	assertCan(actor, 'consultations.manage');
	await sectionOf(db, consultationId, sectionId);
	const section = (await loadQuestionnaire(db, consultationId)).sections.find(
		(s) => s.id === sectionId
	)!;
	return db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		const { id } = await tx
			.insertInto('consultation_section')
			.values({
				consultation_id: consultationId,
				position: await nextSectionPosition(tx, consultationId),
				title: `${section.title} (copie)`,
				description: section.description
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await copyQuestions(
			tx,
			consultationId,
			id,
			section.questions.map((q) => ({ ...q, profileKey: null })),
			new Map(),
			new Map(),
			1
		);
		await audit(tx, actor, 'consultation.section.duplicate', consultationId, { sectionId });
		return id;
	});
}

/** A new draft consultation with the same settings and questionnaire. */
export async function duplicateConsultation(
	db: Db,
	actor: Actor | null,
	consultationId: number
): Promise<number> {
	assertCan(actor, 'consultations.manage');
	const settings = await getConsultationSettings(db, actor, consultationId);
	const source = settings.command;
	const questionnaire = await loadQuestionnaire(db, consultationId);
	let slug = `${source.slug}-copie`.slice(0, 75);
	for (
		let n = 2;
		await db.selectFrom('consultation').select('id').where('slug', '=', slug).executeTakeFirst();
		n++
	)
		slug = `${source.slug.slice(0, 70)}-copie-${n}`;
	const ficheIds = await ficheIdsFromRefs(db, source.ficheRefs);
	return db.transaction().execute(async (tx) => {
		const now = nowForDb();
		const { profile_block } = await tx
			.selectFrom('consultation')
			.select('profile_block')
			.where('id', '=', consultationId)
			.executeTakeFirstOrThrow();
		const { id } = await tx
			.insertInto('consultation')
			.values({
				...settingsColumns({ ...source, slug, title: `${source.title} (copie)` }),
				profile_block,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await replaceLinks(tx, id, source.axes, ficheIds);
		const optionMap = new Map<number, number>();
		const questionMap = new Map<number, number>();
		for (const [i, section] of questionnaire.sections.entries()) {
			const { id: sectionId } = await tx
				.insertInto('consultation_section')
				.values({
					consultation_id: id,
					position: i + 1,
					title: section.title,
					description: section.description
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await copyQuestions(tx, id, sectionId, section.questions, optionMap, questionMap, 1);
		}
		await recordAudit(tx, {
			actor,
			action: 'consultation.duplicate',
			entityType: 'consultation',
			entityId: id,
			before: { from: consultationId }
		});
		return id;
	});
}

/** The standard profile block, the same everywhere so consultations compare. */
export async function addProfileBlock(
	db: Db,
	actor: Actor | null,
	consultationId: number
): Promise<void> {
	assertCan(actor, 'consultations.manage');
	await getConsultationById(db, consultationId);
	const existing = await db
		.selectFrom('question')
		.select('id')
		.where('consultation_id', '=', consultationId)
		.where('profile_key', 'is not', null)
		.executeTakeFirst();
	if (existing) throw new ConflictError('Le bloc profil est déjà dans le questionnaire.');
	await db.transaction().execute(async (tx) => {
		await assertUnlocked(tx, consultationId);
		const { id: sectionId } = await tx
			.insertInto('consultation_section')
			.values({
				consultation_id: consultationId,
				position: await nextSectionPosition(tx, consultationId),
				title: 'Pour mieux vous connaître',
				description:
					'Ces questions sont facultatives. Elles servent à savoir si toutes les personnes du département ont pu donner leur avis.'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const base = { help: '', required: false, settings: {}, condition: null };
		const choice = (labels: readonly string[]) =>
			labels.map((label) => ({ label, isOther: false }));
		const block: [string, QuestionDraft][] = [
			[
				'commune',
				{ ...base, kind: 'commune', label: 'Dans quelle commune habitez-vous ?', options: [] }
			],
			[
				'age_band',
				{
					...base,
					kind: 'choix_unique',
					label: 'Quel âge avez-vous ?',
					options: choice(AGE_BANDS.map((b) => b.label))
				}
			],
			['gender', { ...base, kind: 'choix_unique', label: 'Vous êtes :', options: choice(GENDERS) }],
			[
				'situation',
				{
					...base,
					kind: 'choix_multiple',
					label: 'Êtes-vous dans l’une de ces situations ?',
					help: 'Plusieurs réponses possibles.',
					settings: { exclusiveLast: true },
					options: choice(SITUATIONS)
				}
			]
		];
		for (const [i, [key, draft]] of block.entries())
			await insertQuestion(tx, consultationId, sectionId, i + 1, draft, key);
		await tx
			.updateTable('consultation')
			.set({ profile_block: 1 })
			.where('id', '=', consultationId)
			.execute();
		await audit(tx, actor, 'consultation.profile.add', consultationId);
	});
}
