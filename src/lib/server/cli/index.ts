// Command-line entry points, run through scripts/cli.js.
import { createInterface } from 'node:readline/promises';
import { closeRuntime, getContext, getRuntime } from '../runtime';
import { migrateToLatest } from '../db/migrations';
import { databaseLabel } from '../db/database';
import { hasReferenceData, loadReferenceData } from '../reference/seed';
import { createAdministrator } from '../users/service';
import { createUserSchema } from '../users/schemas';
import { newPasswordField } from '../auth/schemas';
import { DomainError } from '../errors';
import { bench } from './bench';
import { sendEventReminders } from '../events/reminders';
import { sendMandateReminders } from '../panel/mandate-reminders';
import { sendContributionDigests } from '../contributions/digests';
import { importFichesFromFolder } from './import-fiches';
import { panelSelect } from './panel-select';
import { benchPanel } from './bench-panel';
import { runRetention } from '../privacy/retention';
import { findPurpose } from '../privacy/purposes';
import { backupSqlite } from '../db/backup';
import { crashLoadCommand } from './crash-load';

async function ask(question: string): Promise<string> {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	try {
		return await rl.question(question);
	} finally {
		rl.close();
	}
}

async function migrate(): Promise<number> {
	const { db, config } = getRuntime();
	const applied = await migrateToLatest(db);
	if (!(await hasReferenceData(db))) await loadReferenceData(db);
	const where = databaseLabel(config.database);
	console.log(
		applied.length
			? `Migrations appliquées à ${where} : ${applied.join(', ')}`
			: `Base ${where} déjà à jour.`
	);
	return 0;
}

async function createAdmin(args: string[]): Promise<number> {
	const { db } = getRuntime();
	await migrateToLatest(db);
	if (!(await hasReferenceData(db))) await loadReferenceData(db);
	const email = args[0] ?? (await ask('Adresse e-mail : '));
	const displayName = args[1] ?? (await ask('Nom affiché : '));
	const password =
		process.env.ADMIN_PASSWORD ?? (await ask('Mot de passe (12 caractères au moins) : '));
	const account = createUserSchema.safeParse({ email, displayName, role: 'admin' });
	const secret = newPasswordField.safeParse(password);
	for (const result of [account, secret]) {
		if (!result.success) {
			console.error(result.error.issues.map((issue) => issue.message).join('\n'));
			return 1;
		}
	}
	const user = await createAdministrator(db, { ...account.data!, password: secret.data! });
	console.log(`Compte administrateur créé pour ${user.email}.`);
	return 0;
}

async function remindEvents(): Promise<number> {
	const ctx = getContext();
	await migrateToLatest(ctx.db);
	const sent = await sendEventReminders(ctx);
	console.log(`Rappels envoyés : ${sent}.`);
	return 0;
}

async function sendDigests(): Promise<number> {
	const ctx = getContext();
	await migrateToLatest(ctx.db);
	const sent = await sendContributionDigests(ctx);
	console.log(`Nouvelles des contributions envoyées : ${sent}.`);
	return 0;
}

async function remindMandates(): Promise<number> {
	const ctx = getContext();
	await migrateToLatest(ctx.db);
	const sent = await sendMandateReminders(ctx);
	console.log(`Rappels de fin de mandat envoyés : ${sent}.`);
	return 0;
}

/** `data:retention [--dry-run]`: erases what is past its period and prints the counts. */
async function retention(args: string[]): Promise<number> {
	const ctx = getContext();
	await migrateToLatest(ctx.db);
	const dryRun = args.includes('--dry-run');
	const result = await runRetention(ctx, { dryRun });
	console.log(
		dryRun
			? 'Simulation : rien n’a été effacé. Voici ce qui le serait.'
			: 'Durées de conservation appliquées.'
	);
	for (const [code, count] of Object.entries(result.counts))
		console.log(`  ${findPurpose(code)?.title ?? code} : ${count}`);
	console.log(`Total : ${result.total} enregistrement(s).`);
	return 0;
}

async function backup(args: string[]): Promise<number> {
	const { config } = getRuntime();
	const report = await backupSqlite(config.database, args[0] ?? '');
	console.log(
		`Sauvegarde écrite dans ${report.target} : ${report.pages} pages, ${report.tables} tables, ${report.migrations} migrations, vérifiée.`
	);
	return 0;
}

export async function run(command: string | undefined, args: string[]): Promise<number> {
	try {
		switch (command) {
			case 'migrate':
				return await migrate();
			case 'create-admin':
				return await createAdmin(args);
			case 'bench':
				return await bench();
			case 'import-fiches':
				return await importFichesFromFolder(args[0]);
			case 'remind-events':
				return await remindEvents();
			case 'remind-mandates':
				return await remindMandates();
			case 'send-digests':
				return await sendDigests();
			case 'bench-panel':
				await benchPanel();
				return 0;
			case 'panel-select':
				return await panelSelect(args);
			case 'retention':
				return await retention(args);
			case 'backup':
				return await backup(args);
			case 'crash-load':
				return await crashLoadCommand(args);
			default:
				console.error(
					'Commandes : migrate, create-admin [e-mail] [nom], import-fiches [dossier], remind-events, remind-mandates, send-digests, panel-select, retention [--dry-run], backup FICHIER, crash-load [--kills N] [--seconds S] [--postgres URL] [--json], bench'
				);
				return 2;
		}
	} catch (error) {
		// What a user got wrong is said plainly; anything else is a bug and keeps its stack.
		if (error instanceof DomainError) {
			console.error(error.message);
			return 1;
		}
		throw error;
	} finally {
		await closeRuntime();
	}
}
