// Exports of responses: one row per response, one column per question or
// option, with a codebook. Pseudonymous unless the officer asks for personal
// data and is allowed to see it.
import { writeCsv } from '../csv';
import ExcelJS from 'exceljs';
import type { Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import {
	AGE_BANDS,
	AUDIENCE_LABELS,
	CHANNEL_LABELS,
	QUESTION_KIND_LABELS
} from '$lib/consultation-vocabulary';
import { toParisLocalInput } from '$lib/paris-time';
import { allQuestions, type Question } from './model';
import { getConsultationById, loadQuestionnaire } from './queries';

type Cell = string | number | null;

export interface ExportColumn {
	name: string;
	question: string;
	meaning: string;
}

export interface ExportTable {
	title: string;
	slug: string;
	columns: ExportColumn[];
	rows: Cell[][];
}

function questionColumns(question: Question): ExportColumn[] {
	const q = `Q${question.number}`;
	const type = QUESTION_KIND_LABELS[question.kind];
	const label = `${q}. ${question.label}`;
	switch (question.kind) {
		case 'choix_multiple':
			return [
				...question.options.map((o, i) => ({
					name: `${q}_${i + 1}`,
					question: label,
					meaning: `${type} : « ${o.label} » (1 = coché, 0 = non coché, vide = sans réponse)`
				})),
				...(question.options.some((o) => o.isOther)
					? [{ name: `${q}_autre`, question: label, meaning: 'Précision de la réponse « Autre »' }]
					: [])
			];
		case 'classement':
			return question.options.map((o, i) => ({
				name: `${q}_${i + 1}`,
				question: label,
				meaning: `${type} : rang donné à « ${o.label} » (1 = premier choix)`
			}));
		case 'choix_unique':
		case 'oui_non':
			return [
				{
					name: q,
					question: label,
					meaning: `${type} : ${question.options.map((o) => o.label).join(' / ')}`
				},
				...(question.options.some((o) => o.isOther)
					? [{ name: `${q}_autre`, question: label, meaning: 'Précision de la réponse « Autre »' }]
					: [])
			];
		case 'echelle': {
			const min = question.settings.min ?? 1;
			const max = question.settings.max ?? 5;
			return [
				{
					name: q,
					question: label,
					meaning: `${type} de ${min} (${question.settings.minLabel || '—'}) à ${max} (${question.settings.maxLabel || '—'})`
				}
			];
		}
		case 'commune':
			return [{ name: q, question: label, meaning: `${type} : nom de la commune` }];
		case 'date':
			return [{ name: q, question: label, meaning: `${type} : AAAA-MM-JJ` }];
		default:
			return [{ name: q, question: label, meaning: type }];
	}
}

const BASE_COLUMNS: ExportColumn[] = [
	{ name: 'reponse', question: '', meaning: 'Numéro de la réponse dans cet export' },
	{
		name: 'date_envoi_heure_de_paris',
		question: '',
		meaning: 'Date et heure d’envoi (heure de Paris)'
	},
	{
		name: 'canal',
		question: '',
		meaning: 'En ligne, téléphone, formulaire papier ou entretien de terrain'
	},
	{ name: 'public', question: '', meaning: 'À quel titre la personne a répondu' },
	{
		name: 'territoire',
		question: '',
		meaning: 'Territoire de la commune de résidence (ou de l’entretien)'
	},
	{ name: 'commune', question: '', meaning: 'Commune de résidence (ou de l’entretien)' },
	{ name: 'tranche_age', question: '', meaning: 'Tranche d’âge déclarée' },
	{ name: 'lieu_entretien', question: '', meaning: 'Lieu de l’entretien de terrain' },
	{ name: 'date_entretien', question: '', meaning: 'Date de l’entretien de terrain' }
];

const PERSONAL_COLUMNS: ExportColumn[] = [
	{ name: 'repondant', question: '', meaning: 'Nom du compte (consultations nominatives)' },
	{
		name: 'repondant_email',
		question: '',
		meaning: 'Adresse e-mail du compte (consultations nominatives)'
	},
	{ name: 'saisi_par', question: '', meaning: 'Agent qui a saisi la réponse' },
	{ name: 'code_suivi', question: '', meaning: 'Code de suivi remis à la personne' }
];

export async function buildExport(
	db: Executor,
	actor: Actor | null,
	consultationId: number,
	options: { personal: boolean }
): Promise<ExportTable> {
	assertCan(actor, 'consultations.results');
	if (options.personal) assertCan(actor, 'consultations.export_personal');
	const consultation = await getConsultationById(db, consultationId);
	const questionnaire = await loadQuestionnaire(db, consultationId);
	const questions = allQuestions(questionnaire);
	const columns = [
		...BASE_COLUMNS,
		...(options.personal ? PERSONAL_COLUMNS : []),
		...questions.flatMap(questionColumns)
	];
	const index = new Map(columns.map((c, i) => [c.name, i]));

	const [responses, answers, communes] = await Promise.all([
		db
			.selectFrom('response')
			.leftJoin('territory', 'territory.id', 'response.territory_id')
			.leftJoin('user', 'user.id', 'response.respondent_user_id')
			.select([
				'response.id',
				'response.submitted_at',
				'response.channel',
				'response.audience',
				'response.commune_insee_code',
				'response.age_band',
				'response.interview_place',
				'response.interview_date',
				'response.entered_by_label',
				'response.receipt_code',
				'territory.name as territory',
				'user.display_name',
				'user.email'
			])
			.where('response.consultation_id', '=', consultationId)
			.where('response.status', '=', 'envoyee')
			.orderBy('response.id')
			.execute(),
		db
			.selectFrom('answer')
			.innerJoin('response', 'response.id', 'answer.response_id')
			.select([
				'answer.response_id',
				'answer.question_id',
				'answer.option_id',
				'answer.number_value',
				'answer.text_value'
			])
			.where('response.consultation_id', '=', consultationId)
			.where('response.status', '=', 'envoyee')
			.execute(),
		db.selectFrom('commune').select(['insee_code', 'name']).execute()
	]);
	const communeNames = new Map(communes.map((c) => [c.insee_code, c.name]));
	const ageLabels = new Map<string, string>(AGE_BANDS.map((b) => [b.code, b.label]));
	const questionById = new Map(questions.map((q) => [q.id, q]));
	const rowOf = new Map<number, Cell[]>();
	const rows = responses.map((r, i) => {
		const row: Cell[] = new Array(columns.length).fill(null);
		const set = (name: string, value: Cell) => (row[index.get(name)!] = value);
		set('reponse', i + 1);
		set(
			'date_envoi_heure_de_paris',
			r.submitted_at ? toParisLocalInput(new Date(r.submitted_at)).replace('T', ' ') : null
		);
		set('canal', CHANNEL_LABELS[r.channel] ?? r.channel);
		set('public', r.audience ? (AUDIENCE_LABELS[r.audience] ?? r.audience) : null);
		set('territoire', r.territory);
		set('commune', r.commune_insee_code ? (communeNames.get(r.commune_insee_code) ?? null) : null);
		set('tranche_age', r.age_band ? (ageLabels.get(r.age_band) ?? null) : null);
		set('lieu_entretien', r.interview_place);
		set('date_entretien', r.interview_date);
		if (options.personal) {
			set('repondant', r.display_name);
			set('repondant_email', r.email);
			set('saisi_par', r.entered_by_label);
			set('code_suivi', r.receipt_code);
		}
		rowOf.set(r.id, row);
		return row;
	});

	for (const a of answers) {
		const row = rowOf.get(a.response_id);
		const question = questionById.get(a.question_id);
		if (!row || !question) continue;
		const q = `Q${question.number}`;
		const optionIndex = question.options.findIndex((o) => o.id === a.option_id);
		const option = question.options[optionIndex];
		switch (question.kind) {
			case 'choix_multiple':
				question.options.forEach((_, i) => {
					const at = index.get(`${q}_${i + 1}`)!;
					if (row[at] === null) row[at] = 0;
				});
				if (optionIndex >= 0) row[index.get(`${q}_${optionIndex + 1}`)!] = 1;
				if (option?.isOther) row[index.get(`${q}_autre`)!] = a.text_value;
				break;
			case 'classement':
				if (optionIndex >= 0) row[index.get(`${q}_${optionIndex + 1}`)!] = a.number_value;
				break;
			case 'choix_unique':
			case 'oui_non':
				row[index.get(q)!] = option?.label ?? null;
				if (option?.isOther) row[index.get(`${q}_autre`)!] = a.text_value;
				break;
			case 'echelle':
			case 'nombre':
				row[index.get(q)!] = a.number_value;
				break;
			case 'commune':
				row[index.get(q)!] = communeNames.get(a.text_value ?? '') ?? a.text_value;
				break;
			default:
				row[index.get(q)!] = a.text_value;
		}
	}

	await recordAudit(db, {
		actor,
		action: options.personal ? 'consultation.export.personal' : 'consultation.export',
		entityType: 'consultation',
		entityId: consultationId,
		after: { responses: rows.length }
	});
	return { title: consultation.title, slug: consultation.slug, columns, rows };
}

/** Semicolons and a BOM: what French spreadsheet software opens right away. */
export function toCsv(table: ExportTable): string {
	return writeCsv([table.columns.map((c) => c.name), ...table.rows]);
}

export function codebookCsv(table: ExportTable): string {
	return writeCsv([
		['colonne', 'question', 'signification'],
		...table.columns.map((c) => [c.name, c.question, c.meaning])
	]);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/**
 * A cell as a spreadsheet should type it: numbers stay numbers, and Paris
 * dates and date-times become real dates (their wall-clock time written as
 * UTC, which is what a spreadsheet shows), with a French format.
 */
function typedCell(value: Cell): { value: Cell | Date; numFmt?: string } {
	if (typeof value !== 'string') return { value };
	const dayTime = DAY_TIME.exec(value);
	if (dayTime) {
		const [, y, m, d, h, mi] = dayTime.map(Number);
		return { value: new Date(Date.UTC(y, m - 1, d, h, mi)), numFmt: 'dd/mm/yyyy hh:mm' };
	}
	const day = DAY.exec(value);
	if (day) {
		const [, y, m, d] = day.map(Number);
		return { value: new Date(Date.UTC(y, m - 1, d)), numFmt: 'dd/mm/yyyy' };
	}
	return { value };
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Concerto';
	const responses = workbook.addWorksheet('Réponses');
	responses.addRow(table.columns.map((c) => c.name)).font = { bold: true };
	for (const row of table.rows) {
		const typed = row.map(typedCell);
		const added = responses.addRow(typed.map((t) => t.value));
		typed.forEach((t, i) => {
			if (t.numFmt) added.getCell(i + 1).numFmt = t.numFmt;
		});
	}
	responses.views = [{ state: 'frozen', ySplit: 1 }];
	const codebook = workbook.addWorksheet('Dictionnaire');
	codebook.addRow(['colonne', 'question', 'signification']).font = { bold: true };
	for (const c of table.columns) codebook.addRow([c.name, c.question, c.meaning]);
	codebook.columns = [{ width: 16 }, { width: 60 }, { width: 80 }];
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
