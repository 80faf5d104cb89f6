// `npm run panel:select`: a fair draw outside the app, from the Sortition
// Foundation's CSV files.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsv, type CsvCell } from '../csv';
const stringify = (rows: CsvCell[][]) => writeCsv(rows, { delimiter: ',', bom: false });
import {
	DEFAULT_LOTTERY_SIZE,
	panelForTicket,
	planLottery,
	ticketFromSeed
} from '../panel/selection/lottery-plan';
import { SelectionError } from '../panel/selection/problem';
import { OBJECTIVE_LABELS, OBJECTIVES } from '../panel/selection/objectives';
import { chooseAlternates } from '../panel/selection/alternates';
import { readCategories, readRespondents } from '../panel/selection/sortition-files';

const USAGE = `Usage : npm run panel:select -- --categories FICHIER --respondents FICHIER --size K
  [--objective leximin|nash|maximin] [--alternates N] [--seed N] [--id-column NOM] [--address-columns A,B]
  [--out DOSSIER] [--json]
  [--panels M (taille de la loterie, ${DEFAULT_LOTTERY_SIZE} par défaut)] [--ticket T (numéro tiré en public)]`;

function positiveInteger(text: string | undefined, name: string): number | undefined {
	if (text === undefined) return undefined;
	if (!/^\d+$/.test(text) || Number(text) < 1)
		throw new SelectionError(`--${name} attend un entier positif.`);
	return Number(text);
}

export async function panelSelect(args: string[]): Promise<number> {
	let options;
	try {
		options = parseArgs({
			args,
			options: {
				categories: { type: 'string' },
				respondents: { type: 'string' },
				size: { type: 'string' },
				seed: { type: 'string' },
				objective: { type: 'string', default: 'leximin' },
				alternates: { type: 'string' },
				'id-column': { type: 'string' },
				'address-columns': { type: 'string' },
				out: { type: 'string', default: '.' },
				json: { type: 'boolean', default: false },
				panels: { type: 'string' },
				ticket: { type: 'string' }
			}
		}).values;
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	if (!options.categories || !options.respondents || !options.size) {
		console.error(USAGE);
		return 2;
	}
	const objective = OBJECTIVES.find((o) => o === options.objective);
	if (!objective) {
		console.error(`--objective attend leximin, nash ou maximin.\n${USAGE}`);
		return 2;
	}
	try {
		const categories = readCategories(await readFile(options.categories, 'utf8'));
		const { table, volunteers } = readRespondents(
			await readFile(options.respondents, 'utf8'),
			categories,
			{
				idColumn: options['id-column'],
				addressColumns: options['address-columns']
					?.split(',')
					.map((name) => name.trim())
					.filter(Boolean)
			}
		);
		const size = positiveInteger(options.size, 'size')!;
		const plan = await planLottery(
			{ size, categories, volunteers, householdRule: Boolean(options['address-columns']) },
			{ seed: options.seed, lotterySize: positiveInteger(options.panels, 'panels'), objective }
		);
		const ticket =
			positiveInteger(options.ticket, 'ticket') ?? ticketFromSeed(plan.seed, plan.panels.length);
		const selected = new Set(panelForTicket(plan, ticket));

		await mkdir(options.out, { recursive: true });
		const rowsWhere = (keep: boolean) =>
			stringify([
				table.columns,
				...table.rows.filter((_, i) => selected.has(volunteers[i].id) === keep)
			]);
		await writeFile(join(options.out, 'selected.csv'), rowsWhere(true));
		await writeFile(join(options.out, 'remaining.csv'), rowsWhere(false));
		await writeFile(
			join(options.out, 'probabilities.csv'),
			stringify([
				['id', 'probability', 'lottery_probability', 'selected'],
				...plan.probabilities.map((p) => [
					p.id,
					p.optimal.toFixed(6),
					p.probability.toFixed(6),
					selected.has(p.id) ? 1 : 0
				])
			])
		);
		const alternateCount = positiveInteger(options.alternates, 'alternates') ?? 0;
		const alternates = alternateCount
			? chooseAlternates({
					categories,
					volunteers,
					panel: [...selected],
					count: alternateCount,
					seed: plan.seed,
					householdRule: Boolean(options['address-columns'])
				})
			: null;
		if (alternates) {
			const rowOf = new Map(volunteers.map((v, i) => [v.id, table.rows[i]]));
			await writeFile(
				join(options.out, 'alternates.csv'),
				stringify([
					['rank', 'same_profile', ...table.columns],
					...alternates.alternates.map((a) => [a.rank, a.sameProfile ? 1 : 0, ...rowOf.get(a.id)!])
				])
			);
		}
		await writeFile(
			join(options.out, 'panels.csv'),
			stringify([['panel', 'ids'], ...plan.panels.map((panel, i) => [i + 1, panel.join(' ')])])
		);

		console.log(
			[
				`${volunteers.length} volontaires, ${plan.profiles} profils, ${size} sièges, algorithme ${plan.algorithm}.`,
				`Probabilité minimale (${OBJECTIVE_LABELS[objective]}) : ${plan.optimalMinProbability.toFixed(4)} ; après arrondi à la loterie publiée : ${plan.minProbability.toFixed(4)}.`,
				`Loterie de ${plan.panels.length} panels (liste dans panels.csv), graine ${plan.seed}, numéro tiré ${ticket}.`,
				`Empreinte des données : ${plan.inputsHash}.`,
				...(alternates
					? [
							`${alternates.alternates.length} suppléant·es dans alternates.csv ; tout ensemble de ${alternates.guaranteedDeclines} désistement(s) est remplacé dans les quotas.`
						]
					: []),
				`Calcul : ${plan.seconds.toFixed(2)} s. Fichiers écrits dans ${options.out}.`
			].join('\n')
		);
		if (options.json) {
			console.log(
				JSON.stringify({
					objective,
					alternates: alternates?.alternates.map((a) => a.id) ?? [],
					guaranteedDeclines: alternates?.guaranteedDeclines ?? null,
					minProbability: plan.optimalMinProbability,
					lotteryMinProbability: plan.minProbability,
					seconds: plan.seconds,
					selected: [...selected],
					panels: plan.panels.length,
					ticket,
					seed: plan.seed,
					inputsHash: plan.inputsHash,
					profiles: plan.profiles
				})
			);
		}
		return 0;
	} catch (error) {
		if (!(error instanceof SelectionError) && (error as NodeJS.ErrnoException).code !== 'ENOENT')
			throw error;
		const conflicts = error instanceof SelectionError ? error.conflicts : [];
		console.error([(error as Error).message, ...conflicts.map((c) => `  - ${c}`)].join('\n'));
		if (options.json) console.log(JSON.stringify({ error: (error as Error).message, conflicts }));
		return 1;
	}
}
