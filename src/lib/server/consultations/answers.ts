// The answering engine: reading a section's form, display conditions,
// validation, and the normalised rows a submitted answer becomes.
// Pure functions; the services around them do the storing.
import {
	allQuestions,
	exclusiveOption,
	scaleBounds,
	type Question,
	type Questionnaire
} from './model';

/** One question's answer; which fields are set depends on the question's kind. */
export interface AnswerValue {
	options?: number[];
	other?: string;
	number?: number;
	text?: string;
	/** Option ids, best first. */
	ranking?: number[];
}

export type Answers = Record<number, AnswerValue>;

/** What the respondent typed, as typed, to put back in the form after an error. */
export type RawValues = Record<string, string | string[]>;

export type FieldErrors = Record<number, string>;

export interface SectionReading {
	answers: Answers;
	raw: RawValues;
	errors: FieldErrors;
}

export const TEXT_LIMITS = { texte_court: 300, texte_long: 5000, other: 300 } as const;

export function fieldName(question: Pick<Question, 'id'>): string {
	return `q${question.id}`;
}
export function otherFieldName(question: Pick<Question, 'id'>): string {
	return `q${question.id}_autre`;
}
export function rankFieldName(question: Pick<Question, 'id'>, optionId: number): string {
	return `q${question.id}_rang_${optionId}`;
}

export interface FormSource {
	get(name: string): FormDataEntryValue | null;
	getAll(name: string): FormDataEntryValue[];
}

function text(form: FormSource, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}

function texts(form: FormSource, name: string): string[] {
	return form
		.getAll(name)
		.filter((v): v is string => typeof v === 'string')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/** « 12,5 », « 12.5 » or « 1 200 » are numbers; anything else is not. */
export function parseFrenchNumber(input: string): number | null {
	const compact = input.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
	const value = Number(compact);
	return Number.isFinite(value) ? value : null;
}

export function isIsoDate(input: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) return false;
	const date = new Date(`${input}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === input;
}

function optionIdsOf(question: Question, values: string[]): number[] | null {
	const ids = values.map(Number);
	const known = new Set(question.options.map((o) => o.id));
	return ids.every((id) => known.has(id)) ? [...new Set(ids)] : null;
}

function otherChosen(question: Question, optionIds: number[]): boolean {
	return question.options.some((o) => o.isOther && optionIds.includes(o.id));
}

/**
 * Reads the answers to `questions` from a submitted form. Format errors
 * (a word in a number field, an option that does not exist) are reported;
 * missing required answers are not: see missingRequired().
 */
export function readAnswers(
	questions: Question[],
	form: FormSource,
	communeCodes: ReadonlySet<string>
): SectionReading {
	const answers: Answers = {};
	const raw: RawValues = {};
	const errors: FieldErrors = {};
	for (const question of questions) {
		const name = fieldName(question);
		switch (question.kind) {
			case 'choix_unique':
			case 'oui_non':
			case 'choix_multiple': {
				const values = texts(form, name);
				const other = text(form, otherFieldName(question));
				raw[name] = values;
				if (other) raw[otherFieldName(question)] = other;
				if (values.length === 0) {
					if (other) errors[question.id] = 'Cochez « Autre » pour préciser votre réponse.';
					break;
				}
				const ids = optionIdsOf(question, values);
				if (!ids || (question.kind !== 'choix_multiple' && ids.length > 1)) {
					errors[question.id] = 'Choisissez une des réponses proposées.';
					break;
				}
				const max = question.settings.maxChoices;
				if (question.kind === 'choix_multiple' && max && ids.length > max) {
					errors[question.id] = `Choisissez au plus ${max} réponses.`;
					break;
				}
				const exclusive = exclusiveOption(question);
				if (exclusive && ids.length > 1 && ids.includes(exclusive.id)) {
					errors[question.id] =
						`« ${exclusive.label} » ne peut pas être cochée avec une autre réponse : décochez l’une ou les autres.`;
					break;
				}
				if (otherChosen(question, ids)) {
					if (!other) {
						errors[question.id] = 'Vous avez coché « Autre » : précisez votre réponse.';
						break;
					}
					if (other.length > TEXT_LIMITS.other) {
						errors[question.id] = `Votre précision dépasse ${TEXT_LIMITS.other} caractères.`;
						break;
					}
					answers[question.id] = { options: ids, other };
				} else answers[question.id] = { options: ids };
				break;
			}
			case 'echelle': {
				const value = text(form, name);
				raw[name] = value;
				if (!value) break;
				const { min, max } = scaleBounds(question);
				const n = Number(value);
				if (!Number.isInteger(n) || n < min || n > max) {
					errors[question.id] = `Choisissez une valeur de ${min} à ${max}.`;
				} else answers[question.id] = { number: n };
				break;
			}
			case 'nombre': {
				const value = text(form, name);
				raw[name] = value;
				if (!value) break;
				const n = parseFrenchNumber(value);
				if (n === null) errors[question.id] = 'Écrivez un nombre, en chiffres (par exemple 12).';
				else if (question.settings.min !== undefined && n < question.settings.min)
					errors[question.id] = `Écrivez un nombre d’au moins ${question.settings.min}.`;
				else if (question.settings.max !== undefined && n > question.settings.max)
					errors[question.id] = `Écrivez un nombre d’au plus ${question.settings.max}.`;
				else answers[question.id] = { number: n };
				break;
			}
			case 'date': {
				const value = text(form, name);
				raw[name] = value;
				if (!value) break;
				if (!isIsoDate(value)) errors[question.id] = 'Écrivez une date valide (jour, mois, année).';
				else answers[question.id] = { text: value };
				break;
			}
			case 'commune': {
				const value = text(form, name);
				raw[name] = value;
				if (!value) break;
				if (!communeCodes.has(value)) errors[question.id] = 'Choisissez une commune de la liste.';
				else answers[question.id] = { text: value };
				break;
			}
			case 'texte_court':
			case 'texte_long': {
				const value = text(form, name);
				raw[name] = value;
				if (!value) break;
				const limit = TEXT_LIMITS[question.kind];
				if (value.length > limit)
					errors[question.id] =
						`Votre réponse fait ${value.length} caractères : raccourcissez-la à ${limit} au plus.`;
				else answers[question.id] = { text: value };
				break;
			}
			case 'classement': {
				const ranks = new Map<number, number>();
				let malformed = false;
				for (const option of question.options) {
					const value = text(form, rankFieldName(question, option.id));
					raw[rankFieldName(question, option.id)] = value;
					if (!value) continue;
					const rank = Number(value);
					if (!Number.isInteger(rank) || rank < 1 || rank > question.options.length)
						malformed = true;
					else ranks.set(option.id, rank);
				}
				if (malformed) {
					errors[question.id] = 'Choisissez un rang dans la liste proposée.';
					break;
				}
				if (ranks.size === 0) break;
				const sorted = [...ranks.entries()].sort((a, b) => a[1] - b[1]);
				if (sorted.some(([, rank], i) => rank !== i + 1)) {
					errors[question.id] =
						'Donnez chaque rang une seule fois, en commençant par 1 et sans en sauter.';
					break;
				}
				answers[question.id] = { ranking: sorted.map(([optionId]) => optionId) };
				break;
			}
		}
	}
	return { answers, raw, errors };
}

function chosenOptions(answer: AnswerValue | undefined): number[] {
	return answer?.options ?? answer?.ranking ?? [];
}

/** The questions shown, given the answers so far: conditions only look back. */
export function visibleQuestionIds(questionnaire: Questionnaire, answers: Answers): Set<number> {
	const visible = new Set<number>();
	for (const question of allQuestions(questionnaire)) {
		const condition = question.condition;
		if (!condition) {
			visible.add(question.id);
			continue;
		}
		if (!visible.has(condition.questionId)) continue;
		const chosen = chosenOptions(answers[condition.questionId]);
		if (chosen.some((id) => condition.optionIds.includes(id))) visible.add(question.id);
	}
	return visible;
}

export function missingRequired(
	questions: Question[],
	answers: Answers,
	visible: ReadonlySet<number>
): FieldErrors {
	const errors: FieldErrors = {};
	for (const question of questions) {
		if (!question.required || !visible.has(question.id)) continue;
		if (answers[question.id] === undefined) {
			errors[question.id] =
				question.kind === 'classement'
					? 'Classez au moins une proposition : cette question est obligatoire.'
					: 'Répondez à cette question : elle est obligatoire.';
		}
	}
	return errors;
}

/** Keeps only answers to questions that exist and are shown. */
export function keepVisible(questionnaire: Questionnaire, answers: Answers): Answers {
	const visible = visibleQuestionIds(questionnaire, answers);
	const kept: Answers = {};
	for (const [id, value] of Object.entries(answers)) {
		if (visible.has(Number(id))) kept[Number(id)] = value;
	}
	return kept;
}

/** Every error of the whole questionnaire, for the final submission. */
export function validateAll(questionnaire: Questionnaire, answers: Answers): FieldErrors {
	const visible = visibleQuestionIds(questionnaire, answers);
	return missingRequired(allQuestions(questionnaire), answers, visible);
}

export interface AnswerRow {
	question_id: number;
	option_id: number | null;
	number_value: number | null;
	text_value: string | null;
}

/**
 * One row per chosen option (with the « autre » text on the other option's
 * row, and number_value 1 on the first row only), per ranked option (rank in
 * number_value), or one row per value.
 */
export function toAnswerRows(questionnaire: Questionnaire, answers: Answers): AnswerRow[] {
	const rows: AnswerRow[] = [];
	const kept = keepVisible(questionnaire, answers);
	for (const question of allQuestions(questionnaire)) {
		const answer = kept[question.id];
		if (!answer) continue;
		const base = {
			question_id: question.id,
			option_id: null,
			number_value: null,
			text_value: null
		};
		if (answer.options) {
			answer.options.forEach((optionId, index) => {
				const isOther = question.options.find((o) => o.id === optionId)?.isOther ?? false;
				rows.push({
					...base,
					option_id: optionId,
					// The first row of each answer is marked: counting marks counts respondents,
					// with no COUNT(DISTINCT) over millions of rows.
					number_value: index === 0 ? 1 : null,
					text_value: isOther ? (answer.other ?? null) : null
				});
			});
		} else if (answer.ranking) {
			answer.ranking.forEach((optionId, index) =>
				rows.push({ ...base, option_id: optionId, number_value: index + 1 })
			);
		} else if (answer.number !== undefined) {
			rows.push({ ...base, number_value: answer.number });
		} else if (answer.text !== undefined) {
			rows.push({ ...base, text_value: answer.text });
		}
	}
	return rows;
}

/** The raw form values that show `answers` again, for pages rendered from a draft. */
export function rawFromAnswers(questions: Question[], answers: Answers): RawValues {
	const raw: RawValues = {};
	for (const question of questions) {
		const answer = answers[question.id];
		if (!answer) continue;
		if (answer.options) {
			raw[fieldName(question)] = answer.options.map(String);
			if (answer.other) raw[otherFieldName(question)] = answer.other;
		} else if (answer.ranking) {
			answer.ranking.forEach((optionId, index) => {
				raw[rankFieldName(question, optionId)] = String(index + 1);
			});
		} else if (answer.number !== undefined) {
			raw[fieldName(question)] = String(answer.number).replace('.', ',');
		} else if (answer.text !== undefined) {
			raw[fieldName(question)] = answer.text;
		}
	}
	return raw;
}
