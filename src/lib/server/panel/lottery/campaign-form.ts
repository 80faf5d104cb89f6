// The form that starts a campaign: its title and purpose, the number of
// letters, the seed, the reminder delay and last day, easy-to-read letters,
// and one over-sampling factor per territory (« over-<id> », 1 to 3).
import { z } from 'zod';
import type { CampaignInput } from './campaigns';

export const OVERSAMPLING_PREFIX = 'over-';

const whole = (text: string) => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : null);
const factor = (text: string) => {
	const value = Number(text.trim().replace(',', '.'));
	return text.trim() === '' ? 1 : Number.isFinite(value) && value >= 1 && value <= 3 ? value : null;
};

/** Territory ids keyed to names: the domain weighs territories by name. */
export const campaignFormSchema = (territories: { id: number; name: string }[]) =>
	z.record(z.string(), z.union([z.string(), z.boolean()])).transform((f, context) => {
		const text = (name: string) => (typeof f[name] === 'string' ? (f[name] as string) : '');
		const issue = (path: string, message: string) =>
			context.addIssue({ code: 'custom', message, path: [path] });
		const letters = whole(text('letters'));
		if (!letters || letters > 20_000)
			issue('letters', 'Indiquez un nombre de lettres, de 1 à 20 000.');
		const reminderDays = whole(text('reminderDays'));
		if (reminderDays === null || reminderDays < 7 || reminderDays > 90)
			issue('reminderDays', 'Indiquez un délai de 7 à 90 jours.');
		const closesOn = text('closesOn').trim();
		if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn) || Number.isNaN(Date.parse(closesOn)))
			issue('closesOn', 'Indiquez une date, par exemple 31/03/2027.');
		if (!text('title').trim()) issue('title', 'Donnez un titre à la campagne.');
		if (!text('seed').trim()) issue('seed', 'Indiquez la graine du tirage.');
		const oversampling: Record<string, number> = {};
		for (const territory of territories) {
			const name = `${OVERSAMPLING_PREFIX}${territory.id}`;
			const value = factor(text(name));
			if (value === null) issue(name, 'Un coefficient de 1 à 3, par exemple 1,5.');
			else if (value !== 1) oversampling[territory.name] = value;
		}
		return {
			title: text('title'),
			purpose: text('purpose'),
			letters: letters ?? 0,
			seed: text('seed'),
			oversampling,
			falc: f.falc === true || f.falc === 'on',
			reminderDays: reminderDays ?? 0,
			closesOn
		} satisfies CampaignInput;
	});
