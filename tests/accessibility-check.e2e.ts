// The check every test runs must catch what it is there to catch.
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations, expectPhoneLayout } from './support/fixtures';

test('le contrôle d’accessibilité refuse une image sans texte et un bouton trop petit', async ({
	page
}) => {
	await page.setContent(
		'<html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1>' +
			'<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
			'<button style="width:10px;height:10px;padding:0;font-family:inherit">x</button></main></body></html>'
	);
	await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt/);
	await expect(expectPhoneLayout(page, 'essai')).rejects.toThrow(/24 × 24/);
});
