import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { ForbiddenError } from '../errors';
import { decodeSpreadsheetText, importPeople, previewImport } from './import';
import { getPersonDetail, listPanel } from './registry';

const FILE = [
	'Prénom;Nom;Courriel;Téléphone;Commune;Âge;Sexe;Situation;Disponibilités;Colonne en trop',
	'Awa;Diallo;awa@exemple.fr;;Blois;45;F;RSA, aidant;Le samedi;x',
	'Bernard;Petit;;02 54 00 00 00;41269;De 60 à 74 ans;Homme;;;',
	'Chantal;Roux;;;Vendôme;30;Femme;;;',
	'David;Leroy;awa@exemple.fr;;Paris;200;Z;astronaute;;',
	'Élodie;Moreau;elodie@exemple.fr;;romorantin lanthenay;75-plus;;;En semaine, en soirée;'
].join('\n');

async function setup() {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	return { db, agent: (await createTestUser(db, 'agent')).actor };
}

describe('importing people from a spreadsheet', () => {
	it('checks every row first, naming each problem with its line', async () => {
		const { db, agent } = await setup();
		const preview = await previewImport(db, agent, FILE, { situationConsent: true });
		expect(preview.columns.ignored).toEqual(['Colonne en trop']);
		expect(preview.valid).toBe(3);
		expect(preview.invalid).toBe(2);
		const byLine = Object.fromEntries(preview.rows.map((r) => [r.line, r.errors]));
		expect(byLine[2]).toEqual([]);
		expect(byLine[4]).toEqual([expect.stringMatching(/au moins un moyen/)]);
		expect(byLine[5]).toEqual(
			expect.arrayContaining([
				'Commune inconnue : « Paris ».',
				'Situation inconnue : « astronaute ».',
				expect.stringMatching(/^Âge : /),
				'Genre : Choisissez une réponse de la liste.',
				'Cette adresse e-mail est déjà plus haut dans le fichier.'
			])
		);
		expect(preview.rows[0].person).toMatchObject({
			communeCode: '41018',
			ageBand: '40-59',
			gender: 'Femme',
			situations: ['rsa', 'aidant'],
			availability: ['samedi']
		});
		expect(preview.rows[3].person).toBeNull();
		expect(preview.rows[4].person).toMatchObject({ communeCode: '41194', ageBand: '75-plus' });
	});

	it('adds the valid rows with the consent certified, and only once', async () => {
		const { db, agent } = await setup();
		await expect(
			importPeople(db, agent, FILE, 'panel.csv', {
				consent: false,
				situationConsent: false,
				status: 'actif'
			})
		).rejects.toThrow(/accepté/);
		const result = await importPeople(db, agent, FILE, 'panel.csv', {
			consent: true,
			situationConsent: false,
			status: 'actif'
		});
		expect(result).toEqual({ imported: 3, rejected: 2 });
		const { people } = await listPanel(db, agent, { status: 'actif' });
		expect(people.map((p) => p.name).sort()).toEqual([
			'Awa Diallo',
			'Bernard Petit',
			'Élodie Moreau'
		]);
		const awa = await getPersonDetail(db, agent, people.find((p) => p.name === 'Awa Diallo')!.id);
		expect(awa.situations).toEqual([]);
		expect(awa.source).toBe('import');
		expect(awa.consents).toEqual([
			expect.objectContaining({
				purpose: 'panel',
				collectedBy: expect.stringMatching(/panel\.csv/)
			})
		]);
		const again = await previewImport(db, agent, FILE, { situationConsent: false });
		expect(again.rows[0].errors).toEqual(['Cette adresse e-mail est déjà dans le panel.']);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'panel.import')
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('reads Excel’s Windows-1252 files and refuses unusable ones clearly', async () => {
		const { db, agent } = await setup();
		const latin1 = new Uint8Array(
			[...'Prénom;Nom;Commune;Âge\nGisèle;Durand;Blois;50\n'].map((c) => c.charCodeAt(0))
		);
		const text = decodeSpreadsheetText(latin1);
		expect(text).toContain('Gisèle');
		const preview = await previewImport(db, agent, text, { situationConsent: false });
		expect(preview.rows[0].errors).toEqual([expect.stringMatching(/au moins un moyen/)]);
		await expect(
			previewImport(db, agent, 'Nom;Prénom\n', { situationConsent: false })
		).rejects.toThrow(/vide/);
		await expect(
			previewImport(db, agent, 'Nom;Téléphone\nA;0254000000', { situationConsent: false })
		).rejects.toThrow(/Colonnes obligatoires absentes : prenom, commune, age/);
		await expect(previewImport(db, agent, 'a,"b\nc', { situationConsent: false })).rejects.toThrow(
			/CSV/
		);
		const { actor: habitant } = await createTestUser(db, 'habitant');
		await expect(
			previewImport(db, habitant, FILE, { situationConsent: false })
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});
