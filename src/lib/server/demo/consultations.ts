// Demonstration consultations: the three « Mon avis citoyen » consultations
// of September 2023 (residents, partners, staff) with generated answers
// spread over the communes by population and over the channels, the field
// interviews at the real stops of the 2023 tour, and one consultation open now.
import { splitFicheRefs } from '../fiches/refs';
import type { Channel } from '$lib/consultation-vocabulary';
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { parseCsv } from '../reference/csv';
import { foldForSearch } from '../text';
import demarchesCsv from '../reference/data/demarches-participatives.csv?raw';
import {
	addProfileBlock,
	addQuestion,
	addSection,
	changeLifecycle,
	createConsultation
} from '../consultations/builder';
import { loadQuestionnaire } from '../consultations/queries';
import { allQuestions, type Question, type Questionnaire } from '../consultations/model';
import { finaliseResponse } from '../consultations/submission';
import type { Answers } from '../consultations/answers';
import { questionInputOf, type QuestionInput } from '../consultations/schemas';
import type { Audience } from '$lib/consultation-vocabulary';
import { IDEAS } from './ideas';
import { HELD_OUT_ANSWERS, TUNING_ANSWERS } from '../themes/evaluation';
import { TEXT_KINDS } from '$lib/consultation-vocabulary';

const RESIDENT_WORDINGS = [...TUNING_ANSWERS, ...HELD_OUT_ANSWERS].map((a) => a.text);

type QuestionSpec = Partial<QuestionInput> & {
	kind: QuestionInput['kind'];
	label: string;
	/** Condition on an earlier question of the spec, by its index and option labels. */
	when?: { question: number; options: string[] };
};

interface ConsultationSpec {
	slug: string;
	title: string;
	audience: Audience;
	falcSummary: string;
	presentation: string;
	axes: string[];
	ficheRefs: string;
	sections: { title: string; description?: string; questions: QuestionSpec[] }[];
	responses: number;
}

const RESIDENTS: ConsultationSpec = {
	slug: 'mon-avis-citoyen-2023-habitants',
	title: 'Mon avis citoyen : consultation des Loir-et-Chériens',
	audience: 'habitants',
	falcSummary:
		'Le Département prépare son plan pour aider les personnes. Il veut savoir ce dont vous avez besoin. Répondez en 10 minutes.',
	presentation:
		'Le Département prépare son **schéma des solidarités 2024-2028**. Pour qu’il réponde à vos besoins, nous voulons connaître vos attentes et votre expérience des services : accueil dans les maisons départementales des solidarités, démarches en ligne, transports, aide aux proches.',
	axes: ['autonomie', 'inclusion-numerique'],
	ficheRefs: 'AUT-27, NUM-02',
	responses: 320,
	sections: [
		{
			title: 'Vous et les services du Département',
			questions: [
				{
					kind: 'choix_unique',
					label:
						'Avez-vous déjà été accompagné·e par une maison départementale des solidarités (MDS) ?',
					required: true,
					options:
						'Oui, au cours de la dernière année\nOui, il y a plus longtemps\nNon, jamais\nJe ne sais pas'
				},
				{
					kind: 'choix_multiple',
					label: 'Pour quelles raisons ?',
					help: 'Plusieurs réponses possibles.',
					options:
						'Accès aux droits (RSA, aides)\nEnfance et famille\nPerte d’autonomie ou handicap\nLogement\nSanté\nEmploi et insertion',
					allowOther: true,
					when: {
						question: 0,
						options: ['Oui, au cours de la dernière année', 'Oui, il y a plus longtemps']
					}
				},
				{
					kind: 'echelle',
					label: 'Est-il facile de trouver de l’aide sociale près de chez vous ?',
					scaleMin: 1,
					scaleMax: 5,
					minLabel: 'Très difficile',
					maxLabel: 'Très facile'
				}
			]
		},
		{
			title: 'Démarches en ligne et déplacements',
			questions: [
				{
					kind: 'choix_unique',
					label: 'Comment faites-vous vos démarches administratives en ligne ?',
					options:
						'Seul·e, sans difficulté\nAvec l’aide d’un proche\nAvec l’aide d’un professionnel\nJe ne fais pas de démarches en ligne'
				},
				{
					kind: 'oui_non',
					label:
						'Cette année, avez-vous renoncé à un rendez-vous ou à un service faute de moyen de transport ?'
				},
				{
					kind: 'classement',
					label: 'Qu’est-ce qui vous aiderait le plus ? Classez ces propositions.',
					options:
						'Des permanences plus près de chez moi\nUn transport à la demande\nUne aide pour le numérique\nDes horaires plus larges\nUn interlocuteur unique'
				}
			]
		},
		{
			title: 'Aider un proche',
			questions: [
				{
					kind: 'oui_non',
					label: 'Aidez-vous régulièrement un proche âgé, malade ou en situation de handicap ?'
				},
				{
					kind: 'choix_multiple',
					label: 'De quoi auriez-vous besoin pour vous aider, vous ?',
					options:
						'D’informations sur les aides\nDe temps de répit\nD’un soutien psychologique\nD’une aide financière\nD’une formation',
					allowOther: true,
					when: { question: 6, options: ['Oui'] }
				}
			]
		},
		{
			title: 'Vos idées',
			questions: [
				{
					kind: 'texte_long',
					label: 'Avez-vous une idée pour améliorer les solidarités dans le Loir-et-Cher ?',
					help: 'N’écrivez pas votre nom ni votre adresse.'
				}
			]
		}
	]
};

const PARTNERS: ConsultationSpec = {
	slug: 'mon-avis-citoyen-2023-partenaires',
	title: 'Mon avis citoyen : consultation des partenaires institutionnels',
	audience: 'partenaires',
	falcSummary: 'Les partenaires du Département donnent leur avis sur le travail en commun.',
	presentation:
		'Communes, CCAS, associations, bailleurs, établissements : votre regard sur la coordination avec les services départementaux et sur les priorités du futur schéma.',
	axes: ['habitat-logement'],
	ficheRefs: 'HAB-04',
	responses: 60,
	sections: [
		{
			title: 'Votre structure',
			questions: [
				{
					kind: 'choix_unique',
					label: 'Votre structure est :',
					required: true,
					options:
						'Une commune ou un CCAS\nUne association\nUn bailleur social\nUn établissement de santé ou médico-social\nUn service de l’État',
					allowOther: true
				},
				{ kind: 'commune', label: 'Où votre structure est-elle installée ?' }
			]
		},
		{
			title: 'Travailler ensemble',
			questions: [
				{
					kind: 'echelle',
					label: 'Comment jugez-vous la coordination avec les services du Département ?',
					scaleMin: 1,
					scaleMax: 5,
					minLabel: 'Très insuffisante',
					maxLabel: 'Très satisfaisante'
				},
				{
					kind: 'choix_multiple',
					label: 'Sur quels sujets voulez-vous travailler davantage avec le Département ?',
					options:
						'Accès aux droits\nMobilité\nInclusion numérique\nLogement\nSoutien aux aidants\nSanté mentale'
				},
				{ kind: 'texte_long', label: 'Vos propositions pour le schéma des solidarités' }
			]
		}
	]
};

const STAFF: ConsultationSpec = {
	slug: 'mon-avis-citoyen-2023-professionnels',
	title: 'Mon avis citoyen : consultation des professionnels du Département',
	audience: 'professionnels',
	falcSummary: 'Les agents du Département donnent leur avis sur leur travail auprès des personnes.',
	presentation:
		'Vous accompagnez les Loir-et-Chériens au quotidien : dites-nous ce qui facilite ou freine votre travail.',
	axes: ['insertion-emploi'],
	ficheRefs: '',
	responses: 90,
	sections: [
		{
			title: 'Votre travail',
			questions: [
				{
					kind: 'choix_unique',
					label: 'Vous travaillez :',
					required: true,
					options:
						'Dans une maison départementale des solidarités\nÀ la direction de l’enfance et de la famille\nÀ la direction de l’autonomie\nÀ la direction de l’insertion\nDans un autre service'
				},
				{
					kind: 'echelle',
					label: 'Avez-vous les moyens de bien accompagner les personnes ?',
					scaleMin: 1,
					scaleMax: 5,
					minLabel: 'Pas du tout',
					maxLabel: 'Tout à fait'
				},
				{
					kind: 'choix_multiple',
					label: 'Quels obstacles rencontrez-vous le plus ?',
					options:
						'Le manque de temps\nLa complexité des dispositifs\nLa mobilité des personnes\nLa fracture numérique\nLe manque de partenaires sur le territoire'
				},
				{ kind: 'oui_non', label: 'Avez-vous été formé·e à l’accompagnement au numérique ?' },
				{ kind: 'texte_long', label: 'Une idée pour mieux accompagner les personnes ?' }
			]
		}
	]
};

const OPEN_NOW: ConsultationSpec = {
	slug: 'mon-avis-citoyen-2026',
	title: 'Mon avis citoyen 2026 : vos priorités pour les solidarités',
	audience: 'habitants',
	falcSummary:
		'Le Département fait le point sur ses actions. Dites-nous ce qui compte pour vous. Cela prend 5 minutes.',
	presentation:
		'À mi-parcours du schéma des solidarités, le Département vous demande ce qui a changé pour vous et ce qui doit venir en priorité. Vos idées seront lues et reliées aux fiches-actions concernées.',
	axes: ['autonomie'],
	ficheRefs: 'AUT-27, AUT-28',
	responses: 0,
	sections: [
		{
			title: 'Ce qui a changé',
			questions: [
				{
					kind: 'oui_non',
					label:
						'Depuis deux ans, avez-vous fait appel à un service de solidarité du Département ?',
					required: true
				},
				{
					kind: 'echelle',
					label: 'Ce service a-t-il répondu à votre besoin ?',
					scaleMin: 1,
					scaleMax: 5,
					minLabel: 'Pas du tout',
					maxLabel: 'Tout à fait',
					when: { question: 0, options: ['Oui'] }
				},
				{
					kind: 'choix_multiple',
					label: 'Quels sujets sont les plus importants pour vous ?',
					help: 'Trois réponses au plus.',
					options:
						'Rester chez soi en vieillissant\nSe déplacer\nFaire ses démarches en ligne\nSe loger\nSe soigner\nTrouver un emploi',
					maxChoices: 3,
					allowOther: true
				}
			]
		},
		{
			title: 'Vos idées',
			questions: [
				{
					kind: 'texte_long',
					label: 'Quelle est votre idée pour améliorer la vie des habitants ?',
					help: 'N’écrivez pas votre nom ni votre adresse.'
				}
			]
		}
	]
};

/** A small seeded generator: the same demonstration data on every machine. */
function random(seed: number) {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(rand: () => number, items: readonly T[], weights?: number[]): T {
	if (!weights) return items[Math.floor(rand() * items.length)];
	const total = weights.reduce((a, b) => a + b, 0);
	let r = rand() * total;
	for (const [i, w] of weights.entries()) {
		r -= w;
		if (r <= 0) return items[i];
	}
	return items[items.length - 1];
}

async function buildFromSpec(
	db: Db,
	actor: Actor,
	spec: ConsultationSpec,
	opensAt: Date,
	closesAt: Date,
	withProfile: boolean
): Promise<Questionnaire> {
	const id = await createConsultation(db, actor, {
		title: spec.title,
		slug: spec.slug,
		presentation: spec.presentation,
		falcSummary: spec.falcSummary,
		audiences: [spec.audience],
		access: 'public',
		identity: 'anonyme',
		opensAt,
		closesAt,
		axes: spec.axes,
		ficheRefs: splitFicheRefs(spec.ficheRefs)
	});
	const created: Question[] = [];
	for (const [s, section] of spec.sections.entries()) {
		const sectionId =
			s === 0
				? (await loadQuestionnaire(db, id)).sections[0].id
				: await addSection(db, actor, id, { title: section.title, description: '' });
		if (s === 0)
			await db
				.updateTable('consultation_section')
				.set({ title: section.title })
				.where('id', '=', sectionId)
				.execute();
		for (const q of section.questions) {
			const source = q.when ? created[q.when.question] : undefined;
			await addQuestion(
				db,
				actor,
				id,
				sectionId,
				questionInputOf({
					...q,
					conditionQuestionId: source ? String(source.id) : '',
					conditionOptionIds: source
						? source.options
								.filter((o) => q.when!.options.includes(o.label))
								.map((o) => String(o.id))
						: []
				})
			);
			created.push(allQuestions(await loadQuestionnaire(db, id)).at(-1)!);
		}
	}
	if (withProfile) await addProfileBlock(db, actor, id);
	await changeLifecycle(db, actor, id, 'publish');
	return loadQuestionnaire(db, id);
}

interface Place {
	code: string;
	name: string;
	population: number;
}

function generatedAnswers(
	rand: () => number,
	questionnaire: Questionnaire,
	communes: Place[],
	home: Place
): Answers {
	const answers: Answers = {};
	const visibleSoFar = (q: Question) => {
		if (!q.condition) return true;
		const chosen = answers[q.condition.questionId]?.options ?? [];
		return chosen.some((id) => q.condition!.optionIds.includes(id));
	};
	for (const q of allQuestions(questionnaire)) {
		if (!visibleSoFar(q)) continue;
		if (!q.required && rand() < 0.08) continue;
		const real = q.options.filter((o) => !o.isOther);
		switch (q.kind) {
			case 'choix_unique':
			case 'oui_non': {
				// Earlier options a little more likely: results look like real ones, not noise.
				const option = pick(
					rand,
					real,
					real.map((_, i) => real.length - i + 1)
				);
				answers[q.id] = { options: [option.id] };
				break;
			}
			case 'choix_multiple': {
				const chosen = real.filter((_, i) => rand() < 0.55 - i * 0.05).map((o) => o.id);
				const max = q.settings.maxChoices ?? real.length;
				const options = (chosen.length ? chosen : [pick(rand, real).id]).slice(0, max);
				const other = q.options.find((o) => o.isOther);
				if (other && rand() < 0.06 && options.length < max) {
					answers[q.id] = { options: [...options, other.id], other: pick(rand, IDEAS.others) };
				} else answers[q.id] = { options };
				break;
			}
			case 'echelle': {
				const min = q.settings.min ?? 1;
				const max = q.settings.max ?? 5;
				const value = Math.round(min + (max - min) * ((rand() + rand() + rand()) / 3));
				answers[q.id] = { number: value };
				break;
			}
			case 'classement': {
				const order = [...real].sort(() => rand() - 0.5).map((o) => o.id);
				answers[q.id] = { ranking: order.slice(0, 2 + Math.floor(rand() * (order.length - 1))) };
				break;
			}
			case 'texte_long':
			case 'texte_court':
				if (rand() < 0.45) answers[q.id] = { text: pick(rand, IDEAS.ideas) };
				break;
			case 'commune':
				answers[q.id] = {
					text: q.profileKey
						? home.code
						: pick(
								rand,
								communes,
								communes.map((c) => c.population)
							).code
				};
				break;
			case 'nombre':
				answers[q.id] = { number: Math.round(rand() * 40) };
				break;
			case 'date':
				answers[q.id] = { text: '2023-09-10' };
				break;
		}
	}
	return answers;
}

interface FieldStop {
	date: string;
	commune: Place;
	place: string;
}

function fieldStops(communes: Place[]): FieldStop[] {
	const byName = new Map(communes.map((c) => [foldForSearch(c.name), c]));
	return parseCsv(demarchesCsv)
		.filter((row) => row.type === 'interview_terrain')
		.flatMap((row) => {
			const name = foldForSearch(row.commune);
			const commune =
				byName.get(name) ?? communes.find((c) => foldForSearch(c.name).startsWith(name));
			return commune
				? [{ date: row.date_debut, commune, place: `Tournée « aller vers », ${row.lieu}` }]
				: [];
		});
}

async function generateResponses(
	db: Db,
	agent: Actor,
	spec: ConsultationSpec,
	questionnaire: Questionnaire,
	communes: Place[],
	stops: FieldStop[],
	seed: number
) {
	const rand = random(seed);
	// Residents' own wordings, from a stream of their own so that the other
	// answers stay as they were: enough varied free texts for themes.
	const voices = random(seed + 1000);
	const wordings = [...RESIDENT_WORDINGS].sort(() => voices() - 0.5);
	let nextWording = 0;
	const consultation = {
		id: questionnaire.consultationId
	} as Parameters<typeof finaliseResponse>[1];
	const channels: Channel[] =
		spec.audience === 'habitants' ? ['web', 'telephone', 'papier', 'terrain'] : ['web'];
	const channelWeights = spec.audience === 'habitants' ? [55, 10, 12, 23] : [1];
	for (let i = 0; i < spec.responses; i++) {
		const channel = pick(rand, channels, channelWeights);
		const stop = channel === 'terrain' ? pick(rand, stops) : null;
		const home =
			stop && rand() < 0.7
				? stop.commune
				: pick(
						rand,
						communes,
						communes.map((c) => c.population)
					);
		const day = stop
			? stop.date
			: `2023-09-${String(4 + Math.floor(rand() * 19)).padStart(2, '0')}`;
		const at = new Date(
			`${day}T${String(8 + Math.floor(rand() * 11)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00+02:00`
		).toISOString();
		const answers = generatedAnswers(rand, questionnaire, communes, home);
		if (spec.audience === 'habitants')
			for (const q of allQuestions(questionnaire))
				if (TEXT_KINDS.includes(q.kind) && !q.profileKey && !answers[q.id] && voices() < 0.7)
					answers[q.id] = { text: wordings[nextWording++ % wordings.length] };
		await db.transaction().execute(async (tx) => {
			const { id } = await tx
				.insertInto('response')
				.values({
					consultation_id: questionnaire.consultationId,
					status: 'brouillon',
					channel,
					audience: spec.audience,
					entered_by_user_id: channel === 'web' ? null : agent.id,
					entered_by_label: channel === 'web' ? null : agent.displayName,
					interview_place: stop?.place ?? null,
					interview_date: stop?.date ?? null,
					interview_commune_insee_code: stop?.commune.code ?? null,
					started_at: at,
					updated_at: at
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await finaliseResponse(tx, consultation, questionnaire, {
				responseId: id,
				answers,
				participantUserId: null,
				fallbackCommuneInseeCode: home.code
			});
			await tx
				.updateTable('response')
				.set({ submitted_at: at, updated_at: at })
				.where('id', '=', id)
				.execute();
			await tx
				.updateTable('contribution')
				.set({ created_at: at })
				.where('response_id', '=', id)
				.execute();
		});
	}
}

export async function seedDemoConsultations(db: Db, admin: Actor, agent: Actor): Promise<void> {
	const any = await db.selectFrom('consultation').select('id').limit(1).executeTakeFirst();
	if (any) return;
	const communes = (
		await db.selectFrom('commune').select(['insee_code', 'name', 'population']).execute()
	).map((c) => ({ code: c.insee_code, name: c.name, population: c.population }));
	const stops = fieldStops(communes);
	const opens = new Date('2023-09-04T08:00:00+02:00');
	const closes = new Date('2023-09-22T23:59:00+02:00');
	for (const [index, spec] of [RESIDENTS, PARTNERS, STAFF].entries()) {
		const questionnaire = await buildFromSpec(
			db,
			admin,
			spec,
			opens,
			closes,
			spec.audience === 'habitants'
		);
		await generateResponses(db, agent, spec, questionnaire, communes, stops, 2023 + index);
		if (spec.audience !== 'professionnels')
			await changeLifecycle(db, admin, questionnaire.consultationId, 'publish-results');
	}
	const day = 24 * 3600 * 1000;
	await buildFromSpec(
		db,
		admin,
		OPEN_NOW,
		new Date(Date.now() - 7 * day),
		new Date(Date.now() + 60 * day),
		true
	);
}
