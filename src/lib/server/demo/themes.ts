// The demonstration's themes: the residents' free answers of « Mon avis
// citoyen 2023 » grouped, and the theme about getting around validated, so
// that the officers' pages show both states.
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { systemClock } from '../context';
import { createLogger } from '../log';
import {
	getThemeAnalysis,
	requestThemeAnalysis,
	runPendingThemeAnalyses
} from '../themes/analyses';
import { renameTheme, validateTheme } from '../themes/editing';

export async function seedDemoThemes(db: Db, agent: Actor): Promise<void> {
	if (await db.selectFrom('theme_analysis').select('id').limit(1).executeTakeFirst()) return;
	const consultation = await db
		.selectFrom('consultation')
		.select('id')
		.where('slug', '=', 'mon-avis-citoyen-2023-habitants')
		.executeTakeFirst();
	if (!consultation) return;
	const ctx = { db, clock: systemClock, log: createLogger('text') };
	const id = await requestThemeAnalysis(ctx, agent, { consultationId: consultation.id });
	await runPendingThemeAnalyses(ctx);
	const transport = (await getThemeAnalysis(db, agent, id)).themes.find(
		(t) => t.terms[0] === 'transport'
	);
	if (transport) {
		await renameTheme(db, agent, transport.id, 'Se déplacer sans voiture');
		await validateTheme(db, agent, transport.id, 'mobilite');
	}
}
