// The jobs every instance runs each quarter of an hour. Any number of
// instances may run them at once on one database: each due item is claimed
// before it is acted on (a conditional update that only one instance wins),
// and the daily retention run is held by one instance under a lease.
import type { Context } from '../context';
import { sendEventReminders } from '../events/reminders';
import { sendMandateReminders } from '../panel/mandate-reminders';
import { sendContributionDigests } from '../contributions/digests';
import { processRetourDeliveries } from '../retours/delivery';
import { runRetentionIfDue } from '../privacy/retention';
import { runPendingThemeAnalyses } from '../themes/analyses';
import type { Logger } from '../log';

export const JOB_INTERVAL_MS = 15 * 60 * 1000;

export interface JobsReport {
	eventReminders: number;
	mandateReminders: number;
	digests: number;
	retention: number | null;
	retours: number;
	themes: number;
	failed: string[];
}

/** Runs each job once; one failing does not stop the others. */
export async function runBackgroundJobs(ctx: Context, log: Logger): Promise<JobsReport> {
	const report: JobsReport = {
		eventReminders: 0,
		mandateReminders: 0,
		digests: 0,
		retention: null,
		retours: 0,
		themes: 0,
		failed: []
	};
	const attempt = async (label: string, job: () => Promise<void>) => {
		try {
			await job();
		} catch (error) {
			report.failed.push(label);
			log.error(`${label} : échec`, { job: label, error });
		}
	};
	await attempt('Rappels d’événements', async () => {
		report.eventReminders = await sendEventReminders(ctx);
	});
	await attempt('Rappels de fin de mandat', async () => {
		report.mandateReminders = await sendMandateReminders(ctx);
	});
	await attempt('Nouvelles des contributions', async () => {
		report.digests = await sendContributionDigests(ctx);
	});
	await attempt('Durées de conservation', async () => {
		const run = await runRetentionIfDue(ctx);
		report.retention = run?.total ?? null;
		if (run)
			log.info(
				`Durées de conservation : ${run.total} enregistrement(s) effacé(s) ou anonymisé(s).`,
				{ job: 'retention', total: run.total }
			);
	});
	await attempt('Envoi des retours', async () => {
		report.retours = (await processRetourDeliveries(ctx)).sent;
	});
	await attempt('Thèmes des contributions', async () => {
		report.themes = await runPendingThemeAnalyses(ctx);
	});
	return report;
}
