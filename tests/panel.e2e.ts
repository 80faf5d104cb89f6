// The panel: a resident joins without JavaScript, confirms from the mail read
// on a real SMTP server and leaves; an agent draws a group fairly.
import { test, expect, authFile } from './support/fixtures';
import { startSmtpServer, type TestSmtpServer } from './support/smtp';
import { workerSmtpPort } from './support/worker-server';
import { demoRow } from './support/demo-rows';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
	smtp = await startSmtpServer(workerSmtpPort());
});
test.afterAll(() => smtp.close());

const email = `panel.${Date.now()}@exemple.fr`;

test.describe('une habitante sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('rejoint le panel, confirme son adresse et le quitte', async ({ page, a11y }) => {
		await page.goto('/panel');
		await a11y.check();
		await expect(page.getByRole('heading', { name: 'En facile à lire' })).toBeVisible();
		await page.getByLabel('Prénom').fill('Léa');
		await page.locator('#lastName').fill('Testeuse');
		await page.getByLabel('Je reçois le RSA').check();
		await page.getByRole('button', { name: 'Rejoindre le panel' }).click();
		await a11y.check();
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('au moins un moyen de vous joindre');
		await expect(summary).toContainText('Choisissez votre commune');
		await expect(summary).toContainText('Cochez cette case pour que nous gardions votre situation');

		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Votre commune').selectOption({ label: 'Vendôme' });
		await page.getByLabel('Votre âge').selectOption({ label: 'De 25 à 39 ans' });
		await page.locator('#situationConsent').check();
		await page.getByLabel('Une garde pour mes enfants').check();
		await page.locator('#consent').check();
		await page.getByRole('button', { name: 'Rejoindre le panel' }).click();
		await expect(
			page.getByRole('heading', { name: 'Merci, votre demande est enregistrée' })
		).toBeVisible();
		await a11y.check();

		const mail = await smtp.waitForMail(email, 10_000, /Confirmez/);
		const confirm = mail.text.match(/https?:\/\/\S+\/panel\/confirmation\/\w+/)![0];
		const manage = mail.text.match(/https?:\/\/\S+\/panel\/inscription\/\w+/)![0];
		await page.goto(new URL(confirm).pathname);
		await a11y.check();
		await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
		await expect(page.getByText('Merci Léa, votre adresse est confirmée.')).toBeVisible();
		await a11y.check();

		await page.goto(new URL(manage).pathname);
		await a11y.check();
		await expect(page.getByText(`${email} (confirmée)`)).toBeVisible();
		await expect(page.getByText('Je reçois le RSA')).toBeVisible();
		await page
			.getByRole('button', { name: 'Quitter le panel et effacer mes informations' })
			.click();
		await expect(
			page.getByText('Vous avez quitté le panel. Vos informations sont effacées.')
		).toBeVisible();
		await a11y.check();
		await page.goto(new URL(manage).pathname);
		await expect(
			page.getByText('Ce lien ne correspond à aucune inscription au panel.')
		).toBeVisible();
		await a11y.check();
	});
});

test.describe('un agent', () => {
	test.use({ storageState: authFile('agent'), javaScriptEnabled: false });

	test('tire au sort un groupe dans les quotas, en public', async ({ page, a11y }) => {
		await page.goto('/admin/panel');
		await a11y.check();
		const { n } = demoRow<{ n: number }>(
			`select count(*) as n from person where in_panel = 1 and status <> 'parti'`
		)!;
		await expect(page.getByRole('status')).toContainText(`${n} personnes`);
		await page.getByRole('link', { name: 'Représentativité' }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { name: 'Territoire', level: 2 })).toBeVisible();

		await page.goto('/admin/panel/tirages/nouveau');
		await a11y.check();
		await page.getByLabel('Nombre de sièges').fill('8');
		await page.getByRole('checkbox', { name: 'Territoire' }).check();
		await page.getByRole('checkbox', { name: 'Genre' }).check();
		await page.getByRole('button', { name: 'Proposer des quotas' }).click();
		await a11y.check();
		await expect(page.getByText('81 volontaires dans le vivier')).toBeVisible();

		// Impossible quotas are refused with the conflict named.
		await page.getByLabel('Titre du tirage').fill('Comité des usagers 2027');
		await page.getByLabel('Minimum pour Genre Femme').fill('9');
		await page.getByRole('button', { name: 'Calculer la loterie' }).click();
		await a11y.check();
		await expect(page.getByRole('alert')).toContainText('« Genre » : les minimums totalisent');

		await page.getByLabel('Titre du tirage').fill('Comité des usagers 2027');
		await page.getByLabel('Minimum pour Genre Femme').fill('3');
		await page.getByLabel('Graine du hasard (facultatif)').fill('777');
		// Without alternates: a decline is replaced by a new draw (the invitations test calls alternates).
		await page.getByLabel('Suppléant·es').fill('0');
		await page.getByRole('button', { name: 'Calculer la loterie' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comité des usagers 2027');
		await a11y.check();
		await expect(page.getByText('1000 panels équiprobables')).toBeVisible();

		const csv = await page.request.get(
			await page
				.getByRole('link', { name: /Télécharger la liste/ })
				.getAttribute('href')
				.then((h) => h!)
		);
		const lines = (await csv.text()).trim().split('\n');
		expect(lines).toHaveLength(1002);
		const panel42 = lines[43].split(';')[1].split(' ');
		expect(panel42).toHaveLength(8);

		await page.getByLabel('Numéro tiré').fill('42');
		await page.getByRole('button', { name: 'Tirer', exact: true }).click();
		await a11y.check();
		await expect(page.getByText('Panel n° 42 tiré.')).toBeVisible();
		const rows = page
			.getByRole('table', { name: 'Personnes tirées et leur réponse' })
			.locator('tbody tr');
		await expect(rows).toHaveCount(8);

		await rows
			.first()
			.getByRole('button', { name: /Décline/ })
			.click();
		await a11y.check();
		await expect(page.getByText('Réponse enregistrée.')).toBeVisible();
		await expect(
			page.getByRole('button', { name: 'Tirer 1 remplaçant dans les quotas' })
		).toBeVisible();

		// Anyone can check the draw: rules, published list, number drawn, chances; no names.
		const drawUrl = new URL(page.url()).pathname;
		await page.getByRole('link', { name: 'la page publique du tirage' }).click();
		await a11y.check();
		await expect(page).toHaveURL(drawUrl.replace('/admin/panel', '/panel'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comité des usagers 2027');
		await expect(page.getByRole('main')).toContainText('777');
		await expect(page.getByRole('main')).toContainText(
			`Numéro 42 (tiré en public), le ${new Date().toLocaleDateString('fr-FR')}`
		);
		for (const pseudonym of panel42) await expect(page.getByRole('main')).toContainText(pseudonym);
		await expect(
			page.getByRole('table', { name: 'Chance d’être tiré·e, par pseudonyme' }).locator('tbody tr')
		).toHaveCount(81);
		const published = await page.request.get(`${new URL(page.url()).pathname}/panels.csv`);
		expect((await published.text()).trim().split('\n')).toEqual(lines);
		await page.goto('/panel/tirages');
		await a11y.check();
		await expect(page.getByRole('link', { name: 'Comité des usagers 2027' })).toBeVisible();
	});
});
