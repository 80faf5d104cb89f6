// Every service a back-office page calls checks who asks, reads included: the
// access table guards the route, and the service refuses on its own too, so
// a page added without its entry, or a service reused elsewhere, stays safe.
// This test reads the pages with the TypeScript compiler and lists each
// database function they import (first parameter `db`, `tx` or a context)
// that takes no `actor`. The few that need none are named below, with why.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { ForbiddenError } from '../errors';
import { eventFormOptions } from '../events/admin-page';
import { groupFormOptions } from '../groups/admin-page';
import { retourFormOptions } from '../retours/admin-page';
import { inboxOptions } from '../contributions/admin-page';
import { axisOptions } from '../consultations/admin-page';
import { listPossibleOwners } from '../fiches/editing';
import { synonymGroupsForEditing } from '../search/synonyms';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const AREAS = ['src/routes/admin', 'src/routes/compte', 'src/routes/mes-groupes'];

/** Reads that need no actor, and why. */
const WITHOUT_ACTOR: Record<string, string> = {
	// Public data: the same reads serve the public pages.
	listTerritories: 'référentiel public',
	listCommuneChoices: 'référentiel public',
	listCommuneCodes: 'référentiel public',
	getIdentity: 'identité de l’organisation, publique',
	getDepartment: 'référentiel public',
	getDisclosureThreshold: 'réglage public (seuil des chiffres publiés)',
	getLogoInfo: 'logo public',
	privacyNotice: 'notice publique',
	getFacets: 'catalogue public des fiches',
	getFicheByRef: 'fiche publique',
	listIndicators: 'indicateurs publics de la fiche',
	loadQuestionnaire: 'questionnaire public une fois ouvert',
	getLatestAudit: 'déclaration d’accessibilité publique',
	getAccessibilityPlan: 'schéma pluriannuel public',
	listEventKinds: 'agenda public',
	listProgramme: 'programme public de l’événement',
	listTourStops: 'étapes publiques de la tournée',
	figuresOf: 'chiffres publics du retour',
	// The actor is checked inside an options object or by the caller's own service.
	panelsCsv: 'panels publiés d’un tirage, en pseudonymes',
	// The actor is checked inside an options object, or by the service called just before.
	runRetention: 'options.actor, vérifié dans le service',
	loadResultsPage: 'options.actor (les pages publiques passent le seuil de diffusion)',
	consultationThemes: 'who.actor (les pages publiques passent le seuil de diffusion)',
	processRetourDeliveries: 'file d’envoi, remplie par startRetourSending qui vérifie l’acteur',
	startThemeComputation: 'file de calcul, remplie par requestThemeAnalysis qui vérifie l’acteur',
	// Sign-in itself: these establish who the actor is.
	createSession: 'ouvre la session de la personne qui vient de prouver qui elle est',
	validateSessionToken: 'établit l’acteur lui-même'
};

function serverFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return serverFiles(path);
		return /^\+(page|layout)\.server\.ts$|^\+server\.ts$/.test(name) ? [path] : [];
	});
}

function takesDatabase(parameter: ts.ParameterDeclaration | undefined): boolean {
	if (!parameter) return false;
	if (ts.isObjectBindingPattern(parameter.name))
		return parameter.name.elements.some((e) => e.name.getText() === 'db');
	return ['db', 'tx', 'ctx', 'executor'].includes(parameter.name.getText());
}

function readsWithoutActor(): string[] {
	const config = ts.getParsedCommandLineOfConfigFile(
		join(ROOT, 'tsconfig.json'),
		{},
		{ ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} }
	)!;
	const files = AREAS.flatMap((area) => serverFiles(join(ROOT, area)));
	const program = ts.createProgram(files, { ...config.options, noEmit: true });
	const checker = program.getTypeChecker();
	const found = new Set<string>();
	for (const file of files) {
		const source = program.getSourceFile(file)!;
		source.forEachChild((node) => {
			if (!ts.isImportDeclaration(node) || node.importClause?.isTypeOnly) return;
			const from = (node.moduleSpecifier as ts.StringLiteral).text;
			if (!from.startsWith('$lib/server/')) return;
			const bindings = node.importClause?.namedBindings;
			if (!bindings || !ts.isNamedImports(bindings)) return;
			for (const specifier of bindings.elements) {
				if (specifier.isTypeOnly) continue;
				const name = specifier.name.text;
				if (name in WITHOUT_ACTOR) continue;
				let symbol = checker.getSymbolAtLocation(specifier.name);
				if (symbol && symbol.flags & ts.SymbolFlags.Alias)
					symbol = checker.getAliasedSymbol(symbol);
				const declaration = symbol?.declarations?.[0];
				if (!declaration || !ts.isFunctionDeclaration(declaration)) continue;
				const parameters = declaration.parameters;
				if (!takesDatabase(parameters[0])) continue;
				if (parameters.some((p) => p.name.getText() === 'actor')) continue;
				found.add(`${name} (${file.slice(ROOT.length)})`);
			}
		});
	}
	return [...found].sort();
}

describe('back-office reads', () => {
	it('take the actor, except the public reads named in this test', () => {
		expect(readsWithoutActor()).toEqual([]);
	});
});

describe('back-office reads, run', () => {
	it('refuse a resident and serve an officer', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		const resident = (await createTestUser(db, 'habitant')).actor;
		const agent = (await createTestUser(db, 'agent')).actor;
		const reads = [
			eventFormOptions,
			groupFormOptions,
			retourFormOptions,
			inboxOptions,
			axisOptions,
			listPossibleOwners,
			synonymGroupsForEditing
		] as ((d: typeof db, a: typeof agent | null) => Promise<unknown>)[];
		for (const read of reads) {
			await expect(read(db, resident), read.name).rejects.toBeInstanceOf(ForbiddenError);
			await expect(read(db, null), read.name).rejects.toBeInstanceOf(ForbiddenError);
			await expect(read(db, agent), read.name).resolves.toBeDefined();
		}
		await db.destroy();
	});
});
