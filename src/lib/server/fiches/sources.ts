// The reference CSV files of Loir-et-Cher's schéma, bundled with the app.
import sectoral from './data/fiches-actions-sectorielles-2025.csv?raw';
import departmental from './data/fiches-actions-departementales-2025.csv?raw';
import flagships2025 from './data/actions-phares-2025.csv?raw';
import flagships2026 from './data/actions-phares-2026.csv?raw';
import totals2025 from './data/bilan-2025-totaux.csv?raw';
import keywords from './data/fiches-mots-cles.csv?raw';
import type { SchemaSources } from './import';

export const BUNDLED_SCHEMA: SchemaSources = {
	sectoral,
	departmental,
	flagships2025,
	flagships2026,
	totals2025,
	keywords
};
