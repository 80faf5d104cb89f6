// Groups: an agent runs the groupe ressource (members from the panel and
// outside it, a body, a document); its member, signed in without
// JavaScript, finds them in « Mes groupes » and says they will come.
import { test, expect, authFile, logIn } from './support/fixtures';

test.describe('une chargée de participation', () => {
	test.use({ storageState: authFile('agent') });

	test('anime le groupe ressource', async ({ page, a11y }) => {
		await page.goto('/admin/groupes');
		await a11y.check();
		await expect(page.getByRole('row', { name: /CVS des parents — Nord/ })).toBeVisible();
		await page.getByRole('link', { name: 'Groupe ressource', exact: true }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { name: 'Membres (10)' })).toBeVisible();

		await page.getByLabel('Nom, e-mail ou pseudonyme').fill('Durand');
		await page.getByRole('button', { name: 'Chercher' }).click();
		await a11y.check();
		const first = page.locator('form[action="?/addPanel"]').first();
		const name = (await first.locator('span').first().textContent())!.split(',')[0];
		await first.getByRole('combobox').selectOption({ label: 'Suppléant·e' });
		await first.getByRole('button', { name: /^Ajouter/ }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toHaveText('Membre ajouté.');
		await expect(page.getByRole('heading', { name: 'Membres (11)' })).toBeVisible();
		await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Suppléant·e');

		const outside = page.locator('form[action="?/addOutside"]');
		await outside.getByLabel('Prénom').fill('Marc');
		await outside.locator('#lastName').fill('Éducateur');
		await outside.getByRole('button', { name: 'Ajouter au groupe' }).click();
		await a11y.check();
		await expect(page.getByRole('alert')).toContainText('au moins un moyen de la joindre');
		await expect(page.getByRole('alert')).toContainText('donné son accord');
		await outside.getByLabel('Téléphone').fill('02 54 11 22 33');
		await outside.getByLabel(/La personne a donné son accord/).check();
		await outside.getByRole('button', { name: 'Ajouter au groupe' }).click();
		await a11y.check();
		await expect(page.getByRole('row', { name: /Marc Éducateur \(hors panel\)/ })).toBeVisible();

		await page.getByRole('link', { name: 'Documents' }).click();
		await a11y.check();
		await page.getByLabel('Titre').fill('Ordre du jour de la prochaine réunion');
		await page.getByLabel('Texte').fill('1. Le bilan des ateliers\n2. **L’université sociale**');
		await page.getByRole('button', { name: 'Partager' }).click();
		await a11y.check();
		await expect(
			page.getByRole('heading', { name: 'Ordre du jour de la prochaine réunion' })
		).toBeVisible();

		await page.getByRole('link', { name: 'Instances' }).click();
		await a11y.check();
		await page.getByLabel('Nom de l’instance').fill('Comité de pilotage du schéma');
		await page.getByRole('button', { name: 'Ajouter l’instance' }).click();
		await a11y.check();
		const copil = page.locator('section', {
			has: page.getByRole('heading', { name: 'Comité de pilotage du schéma' })
		});
		await copil.getByLabel('Awa Martin (membre)').check();
		await copil.getByRole('button', { name: 'Enregistrer les participants' }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toHaveText('Participants enregistrés.');
		await expect(
			page.locator('section', {
				has: page.getByRole('heading', { name: 'Comité de pilotage du schéma' })
			})
		).toContainText('Y participent : Awa Martin');
	});
});

test.describe('une membre sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('retrouve ses groupes et répond à la prochaine réunion', async ({ page, a11y }) => {
		await logIn(page, a11y, 'membre@concerto.test');
		await a11y.check();
		await page.getByRole('link', { name: 'Mes groupes' }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { level: 2, name: 'Groupe ressource' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: /CVS des parents/ })).toBeVisible();
		const ressource = page.locator('section', {
			has: page.getByRole('heading', { level: 2, name: 'Groupe ressource' })
		});
		await expect(ressource).toContainText('Vous êtes membre, jusqu’au 31/12/2027');
		await expect(ressource).toContainText('Le schéma des solidarités 2024-2028');
		await expect(ressource).toContainText('Charte du groupe ressource');
		await expect(ressource).toContainText('Équipe pluridisciplinaire RSA');
		await expect(ressource).toContainText('compte rendu publié');
		await expect(ressource).toContainText('Vous n’avez pas encore répondu.');
		await ressource.getByRole('button', { name: /^Je viens à/ }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toHaveText('C’est noté : vous venez. Merci !');
		await expect(
			page.locator('section', {
				has: page.getByRole('heading', { level: 2, name: 'Groupe ressource' })
			})
		).toContainText('Vous avez dit que vous venez.');
		// The page comes back at this meeting, with the choice shown on its button.
		await expect(page).toHaveURL(/\/mes-groupes\?\/answer#reunion-\d+$/);
		await expect(
			ressource.getByRole('button', { name: /Je viens à/, pressed: true })
		).toBeVisible();
		await expect(
			ressource.getByRole('button', { name: /Je ne viens pas à/, pressed: false })
		).toBeVisible();
		// She says she needs childcare for this meeting.
		await ressource.getByText(/Pour venir, j’ai besoin de/).click();
		const needs = ressource.getByRole('group', { name: /^Mes besoins pour/ });
		await needs.getByLabel('Une garde pour mes enfants').check();
		await ressource.getByRole('button', { name: /Je viens à/ }).click();
		await expect(page.getByRole('status')).toHaveText('C’est noté : vous venez. Merci !');
		await expect(needs.getByLabel('Une garde pour mes enfants')).toBeChecked();
		await a11y.check();
	});
});
