// Invitations by lottery (issue 20, stage 1), end to end without JavaScript:
// an officer imports a BAN base, draws a campaign and opens its letters;
// residents answer with their code, yes and no; an agent types in an answer
// from the paper coupon; the rates count them; the public page shows the
// rules; closing the campaign erases the codes.
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { communesOfDepartment } from '../src/lib/server/reference/communes-source';
import { generatedAddressCsv } from '../src/lib/server/panel/lottery/generated-base';
import { demoRow } from './support/demo-rows';
import {
	test,
	expect,
	authFile,
	expectNoAxeViolations,
	expectPhoneLayout
} from './support/fixtures';

function baseFile(): Buffer {
	const { communes } = communesOfDepartment('41');
	const csv = generatedAddressCsv(
		communes.map((c) => ({
			inseeCode: c.inseeCode,
			name: c.name,
			postalCode: c.postalCodes[0] ?? '41000',
			population: c.population
		})),
		3000,
		'e2e'
	);
	// One bad row, refused with its line.
	return gzipSync(Buffer.from(`${csv}41018_9999_00001;;1;;;41000;41018;Blois;;\n`));
}

/** The officer's pages, in their own browser (with JavaScript): axe, and the phone layout. */
async function checkOfficer(officer: Page) {
	await officer.waitForLoadState('load');
	await expectNoAxeViolations(officer);
	await expectPhoneLayout(officer, officer.url());
}

test.describe('invitations par tirage au sort', () => {
	// The residents' pages without JavaScript; the officer's in a browser of her own.
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

	test('une campagne, de la base d’adresses aux réponses et à la clôture', async ({
		page,
		browser,
		a11y
	}) => {
		const officerContext = await browser.newContext({
			storageState: authFile('agent'),
			javaScriptEnabled: true,
			viewport: { width: 1280, height: 900 }
		});
		const officer = await officerContext.newPage();
		await officer.goto('/admin/panel');
		await checkOfficer(officer);
		await officer.getByRole('link', { name: 'Invitations par tirage au sort' }).click();
		await checkOfficer(officer);
		await officer.getByLabel(/Export CSV de la Base Adresse Nationale/).setInputFiles({
			name: 'adresses-41.csv.gz',
			mimeType: 'application/gzip',
			buffer: baseFile()
		});
		await officer.getByRole('button', { name: 'Importer la base' }).click();
		await checkOfficer(officer);
		await expect(officer.getByRole('status').first()).toContainText(
			'3 000 adresses importées de « adresses-41.csv.gz »'
		);
		await expect(
			officer.getByText('Ligne 3002 : Nom de la voie (nom_voie) manquant.')
		).toBeVisible();

		await officer.getByRole('link', { name: 'Lancer une campagne' }).click();
		await checkOfficer(officer);
		await officer.getByRole('button', { name: 'Tirer les adresses' }).click();
		await checkOfficer(officer);
		await expect(officer.getByRole('alert').first()).toContainText('Donnez un titre à la campagne');
		await officer.getByLabel(/^Titre/).fill('Campagne de la recette');
		await officer.getByLabel(/^Nombre de lettres/).fill('30');
		await officer.getByLabel(/^Graine du tirage/).fill('recette-2026');
		await officer.getByLabel('Territoire sud').fill('1,5');
		await officer.getByRole('button', { name: 'Tirer les adresses' }).click();
		await checkOfficer(officer);
		await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Campagne de la recette');
		const campaignUrl = officer.url();
		const campaignId = Number(new URL(campaignUrl).pathname.split('/').pop());
		await expect(officer.getByText('30 adresses tirées')).toBeVisible();
		await expect(officer.getByText('Territoire sud × 1,5')).toBeVisible();

		const download = officer.waitForEvent('download');
		await officer.getByRole('link', { name: /^Lettres à imprimer/ }).click();
		const pdf = await (await download).createReadStream();
		const chunks: Buffer[] = [];
		for await (const chunk of pdf) chunks.push(chunk as Buffer);
		const bytes = Buffer.concat(chunks);
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		// A letter and its coupon for each address.
		expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(60);
		await officer.reload();
		await checkOfficer(officer);
		await expect(officer.getByText(/^Imprimées pour la première fois le/)).toBeVisible();
		await expect(officer.getByText(/^Relances\s:\sprêtes le/)).toBeVisible();

		const code = (offset: number) =>
			demoRow<{ code: string }>(
				`select code from invitation where campaign_id = ? order by id limit 1 offset ${offset}`,
				[campaignId]
			)!.code;
		const [yes, no, paper] = [code(0), code(1), code(2)];

		// A resident answers yes on the web, on a phone, without JavaScript.
		await page.goto('/invitation');
		await a11y.check();
		await page.getByLabel('Le code écrit sur votre lettre').fill('ZZZZ-ZZZZ');
		await page.getByRole('button', { name: 'Continuer' }).click();
		await a11y.check();
		await expect(page.getByText(/Nous ne trouvons pas d’invitation avec ce code/)).toBeVisible();
		await page.getByLabel('Le code écrit sur votre lettre').fill(yes.toLowerCase());
		await page.getByRole('button', { name: 'Continuer' }).click();
		await a11y.check();
		await expect(page.getByText(/Cette invitation est pour une personne du foyer/)).toBeVisible();
		await page.getByLabel('Prénom').fill('Odette');
		await page.locator('#lastName').fill('Recette');
		await page.locator('#phone').fill('02 54 12 34 56');
		await page.getByLabel('Votre âge').selectOption({ label: '75 ans et plus' });
		await page.getByRole('button', { name: 'Je rejoins les volontaires' }).click();
		await a11y.check();
		await expect(page.getByRole('alert').first()).toContainText('Cochez la case');
		await page.locator('#consent').check();
		await page.getByRole('button', { name: 'Je rejoins les volontaires' }).click();
		await a11y.check();
		await expect(
			page.getByRole('heading', { name: 'Merci, votre réponse est enregistrée' })
		).toBeVisible();
		await page.getByRole('link', { name: 'Mon inscription au panel' }).click();
		await a11y.check();
		await expect(page.getByText('Odette Recette')).toBeVisible();

		// Another says no; the same code cannot answer twice.
		await page.goto(`/invitation?code=${no}`);
		await page.getByRole('button', { name: 'Je ne souhaite pas participer' }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { name: 'Merci de nous avoir répondu' })).toBeVisible();
		await page.goto(`/invitation?code=${no}`);
		await a11y.check();
		await expect(page.getByText(/Une réponse a déjà été donnée/)).toBeVisible();

		// An agent types in a coupon that came back by post.
		await officer.getByLabel('Code de l’invitation').fill(paper);
		await officer.getByRole('button', { name: 'Ouvrir l’invitation' }).click();
		await checkOfficer(officer);
		await officer.getByLabel('Coupon papier').first().check();
		await officer.getByLabel('Prénom').fill('Marcel');
		await officer.locator('#lastName').fill('Coupon');
		await officer.locator('#phone').fill('02 54 65 43 21');
		await officer.getByLabel('Tranche d’âge').selectOption({ label: 'De 40 à 59 ans' });
		await officer.locator('#gender').selectOption('Homme');
		await officer.locator('#consent').check();
		await officer.getByRole('button', { name: 'Enregistrer : elle rejoint le vivier' }).click();
		await checkOfficer(officer);
		await expect(officer.getByRole('status').first()).toContainText(
			'la personne rejoint les volontaires de la campagne'
		);
		await expect(officer.getByText('3 (10 %), dont 2 oui')).toBeVisible();
		const byTerritory = officer.getByRole('table', {
			name: 'Données : Taux de réponse par territoire'
		});
		await expect(byTerritory).toBeVisible();
		const gender = officer.getByRole('table', {
			name: 'Genre des personnes qui ont répondu oui, et de la population'
		});
		await expect(gender.getByRole('row', { name: /^Homme 1 50 %/ })).toBeVisible();

		// The public page: rules, seed and fingerprint; no address.
		await officer.goto('/panel/tirages');
		await checkOfficer(officer);
		await officer.getByRole('link', { name: 'Campagne de la recette' }).click();
		await checkOfficer(officer);
		await expect(officer.getByText('recette-2026')).toBeVisible();
		await expect(
			officer.getByRole('table', { name: 'Lettres et réponses par territoire' })
		).toBeVisible();
		await expect(officer.getByText('moins de 5').first()).toBeVisible();

		// Stage 2: a draw among the demonstration campaign's volunteers, the three objectives
		// compared, alternates ranked with the panel, and a decline replaced by the first of them.
		await officer.goto('/admin/panel/invitations');
		await officer.getByRole('link', { name: 'Panel départemental 2027 : invitations' }).click();
		await checkOfficer(officer);
		await officer
			.getByRole('link', { name: /^Préparer un tirage parmi les \d+ personnes/ })
			.click();
		await checkOfficer(officer);
		await officer.getByLabel('Nombre de sièges').fill('4');
		await officer.getByRole('checkbox', { name: 'Genre' }).check();
		await officer.getByRole('button', { name: 'Proposer des quotas' }).click();
		await checkOfficer(officer);
		await officer.getByLabel('Titre du tirage').fill('Groupe de la recette');
		await officer.getByLabel('Suppléant·es').fill('4');
		await officer.getByRole('button', { name: 'Comparer les trois objectifs' }).click();
		await checkOfficer(officer);
		const comparison = officer.getByRole('table', {
			name: 'Les trois objectifs sur ce vivier : chances des volontaires d’être tiré·es'
		});
		await expect(comparison.getByRole('row')).toHaveCount(4);
		await officer.getByRole('radio', { name: /^Bien-être de Nash/ }).check();
		await officer.getByRole('button', { name: 'Calculer la loterie' }).click();
		await checkOfficer(officer);
		await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Groupe de la recette');
		await expect(officer.getByText(/^Bien-être de Nash\s:/)).toBeVisible();
		await officer.getByRole('button', { name: 'Tirer', exact: true }).click();
		await checkOfficer(officer);
		const alternates = officer.getByRole('table', { name: 'Suppléant·es, par rang' });
		await expect(alternates.locator('tbody tr').first()).toContainText('en réserve');
		const seated = officer
			.getByRole('table', { name: 'Personnes tirées et leur réponse' })
			.locator('tbody tr');
		await expect(seated).toHaveCount(4);
		await seated
			.first()
			.getByRole('button', { name: /Décline/ })
			.click();
		await checkOfficer(officer);
		await officer
			.getByRole('button', { name: /^Appeler le ou la suppléant·e pour 1 désistement/ })
			.click();
		await checkOfficer(officer);
		await expect(alternates.getByText(/^appelé·e à la place de/)).toHaveCount(1);
		await expect(seated).toHaveCount(5);
		await expect(seated.filter({ hasText: 'remplacé·e par' })).toHaveCount(1);
		// The quotas still hold: seats held per value within their bounds.
		for (const row of await officer
			.getByRole('table', { name: 'Quotas : minimum, maximum, volontaires et sièges obtenus' })
			.locator('tbody tr')
			.all()) {
			const cells = await row.locator('td').allTextContents();
			const [min, max, , held] = cells.slice(1).map(Number);
			expect(held).toBeGreaterThanOrEqual(min);
			expect(held).toBeLessThanOrEqual(max);
		}

		// Closed: the codes are erased, the counts stay.
		await officer.goto(campaignUrl);
		await checkOfficer(officer);
		await officer
			.getByRole('button', { name: 'Clore la campagne et effacer les adresses' })
			.click();
		await checkOfficer(officer);
		await expect(officer.getByRole('status').first()).toContainText('Campagne close');
		await expect(officer.getByText('3 (10 %), dont 2 oui')).toBeVisible();
		await page.goto(`/invitation?code=${paper}`);
		await a11y.check();
		await expect(page.getByText(/Nous ne trouvons pas d’invitation avec ce code/)).toBeVisible();
		await officerContext.close();
	});
});
