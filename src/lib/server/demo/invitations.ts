// A campaign of invitations by lottery: a generated address base for the
// real communes, 400 letters drawn from it, printed three weeks ago so the
// reminders are due, and the first answers: yes and no, on the web, by phone
// and on the paper coupon.
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { SeededRandom } from '../panel/selection/random';
import { AGE_BANDS, PANEL_GENDERS, type InvitationChannel } from '$lib/panel-vocabulary';
import { generatedAddressCsv } from '../panel/lottery/generated-base';
import { departmentBaseCommunes, importAddressBase } from '../panel/lottery/bases';
import { createCampaign } from '../panel/lottery/campaigns';
import { parisDay } from '$lib/paris-time';
import { recordAnswer } from '../panel/lottery/answers';

const DAY = 86_400_000;
export const DEMO_CAMPAIGN_TITLE = 'Panel départemental 2027 : invitations';

const FIRST = ['Nadia', 'Thierry', 'Sylvie', 'Kevin', 'Monique', 'Yanis', 'Brigitte', 'Julien'];
const LAST = ['Renard', 'Gauthier', 'Chevalier', 'Fontaine', 'Caron', 'Blanc', 'Guérin', 'Perrin'];

export async function seedDemoInvitations(db: Db, agent: Actor): Promise<void> {
	if (await db.selectFrom('invitation_campaign').select('id').limit(1).executeTakeFirst()) return;
	const csv = generatedAddressCsv(await departmentBaseCommunes(db), 8_000, 'démo');
	await importAddressBase(
		db,
		agent,
		(async function* () {
			yield Buffer.from(csv);
		})(),
		'adresses-41.csv'
	);
	const now = Date.now();
	const id = await createCampaign(db, agent, {
		title: DEMO_CAMPAIGN_TITLE,
		purpose:
			'Inviter 400 foyers tirés au sort à rejoindre le panel, pour le tirage du groupe ressource 2027.',
		letters: 400,
		seed: '418305',
		oversampling: { 'Territoire sud': 1.3 },
		falc: false,
		reminderDays: 21,
		closesOn: parisDay(new Date(now + 20 * DAY))
	});
	// Printed 24 days ago: the reminders are due.
	await db
		.updateTable('invitation_campaign')
		.set({ letters_printed_at: new Date(now - 24 * DAY).toISOString() })
		.where('id', '=', id)
		.execute();
	const invitations = await db
		.selectFrom('invitation')
		.select(['code', 'commune_insee_code', 'address_line', 'postal_code'])
		.where('campaign_id', '=', id)
		.orderBy('id')
		.execute();
	const random = new SeededRandom('démo', 'invitations');
	const channels: InvitationChannel[] = ['en_ligne', 'en_ligne', 'telephone', 'papier'];
	const ages = AGE_BANDS.filter((a) => a.code !== 'moins-18');
	// About one address in eleven answers, two thirds of them yes.
	for (const [i, invitation] of invitations.entries()) {
		if (random.below(11) !== 0) continue;
		const yes = random.below(3) !== 0;
		const channel = channels[random.below(channels.length)];
		await recordAnswer(
			db,
			{
				code: invitation.code!,
				answer: yes ? 'oui' : 'non',
				channel,
				person: yes
					? {
							firstName: FIRST[i % FIRST.length],
							lastName: LAST[(i * 3) % LAST.length],
							email: '',
							phone: `02 54 ${String(10 + (i % 90)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')} 00`,
							postalAddress: `${invitation.address_line}, ${invitation.postal_code}`,
							communeCode: invitation.commune_insee_code,
							// Older people answer more, as in real campaigns.
							ageBand:
								ages[Math.min(ages.length - 1, random.below(ages.length) + random.below(2))].code,
							gender: PANEL_GENDERS[random.below(5) < 3 ? 0 : random.below(2) ? 1 : 2],
							situations: [],
							situationConsent: false,
							availability: ['samedi'],
							needs: [],
							needsDetail: ''
						}
					: null
			},
			{
				actor: channel === 'en_ligne' ? null : agent,
				collectedBy:
					channel === 'en_ligne'
						? 'invitation, réponse en ligne'
						: channel === 'telephone'
							? 'invitation, par téléphone'
							: 'invitation, coupon papier'
			}
		);
	}
}
