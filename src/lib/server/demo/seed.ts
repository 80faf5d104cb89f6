// Demonstration data. Only `npm run demo` (CONCERTO_DEMO=1) loads it: a
// production start never creates these accounts.
import type { Db } from '../db/database';
import { hashPassword } from '../auth/password';
import type { Role } from '../auth/permissions';
import { findUserRowByEmail, insertAccount } from '../users/queries';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { actorOf, userFromRow } from '../users/user';
import { seedDemoConsultations } from './consultations';
import { seedDemoPanel } from './panel';
import { seedDemoEvents } from './events';
import { seedDemoGroups } from './groups';
import { seedDemoThemes } from './themes';
import { seedDemoInvitations } from './invitations';
import { seedDemoContributions, seedDemoRetour } from './contributions';
import { seedDemoAccessibilityGrid } from '../accessibility/demo-grid';
import { installLogo } from '../settings/logo';
import { DEMO_LOGO_PNG } from './logo';

/** Fiches the demonstration pilote owns, with their direction. */
const PILOTE_FICHES = {
	refs: ['AUT-27', 'AUT-28', 'HAB-04', 'SAN-09'],
	direction: 'Direction générale adjointe des solidarités'
};

export const DEMO_PASSWORD = 'demo-concerto-41';

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role }[] = [
	{ email: 'admin@concerto.test', displayName: 'Camille Administratrice', role: 'admin' },
	{ email: 'agent@concerto.test', displayName: 'Karim Chargé de participation', role: 'agent' },
	{ email: 'pilote@concerto.test', displayName: 'Sophie Pilote', role: 'pilote' },
	{ email: 'habitant@concerto.test', displayName: 'Jeanne Habitante', role: 'habitant' },
	{ email: 'membre@concerto.test', displayName: 'Awa Membre du groupe ressource', role: 'membre' }
];

export async function seedDemoData(db: Db): Promise<void> {
	const anyFiche = await db.selectFrom('fiche').select('id').limit(1).executeTakeFirst();
	if (!anyFiche) await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction().execute(async (tx) => {
		for (const account of DEMO_ACCOUNTS) {
			if (await findUserRowByEmail(tx, account.email)) continue;
			await insertAccount(tx, { ...account, passwordHash });
		}
		const pilote = await findUserRowByEmail(tx, 'pilote@concerto.test');
		await tx
			.updateTable('fiche')
			.set({ owner_user_id: pilote!.id, direction: PILOTE_FICHES.direction })
			.where('ref', 'in', PILOTE_FICHES.refs)
			.execute();
	});
	const actor = async (email: string) =>
		actorOf(userFromRow((await findUserRowByEmail(db, email))!));
	const admin = await actor('admin@concerto.test');
	const agent = await actor('agent@concerto.test');
	await seedDemoConsultations(db, admin, agent);
	await seedDemoEvents(db, admin, agent);
	await seedDemoPanel(db, agent);
	await seedDemoGroups(db, agent, (await actor('membre@concerto.test')).id);
	await seedDemoInvitations(db, agent);
	await seedDemoContributions(db, agent);
	await seedDemoThemes(db, agent);
	await seedDemoRetour(db, agent);
	await seedDemoAccessibilityGrid(db, admin);
	await installLogo(db, DEMO_LOGO_PNG);
}

export function demoBanner(origin: string): string {
	const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
	return [
		'',
		'  Concerto — démonstration',
		`  Adresse : ${origin}`,
		`  Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`,
		...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(width)}  ${a.displayName}`),
		''
	].join('\n');
}
