// The organisation's logo: checked on upload (a real PNG or JPEG of sensible
// size, the only formats the letters' PDF engine embeds and no script inside,
// unlike SVG), kept in the database, served from /logo.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { imageSize } from 'image-size';
import type { Db, Executor } from '../db/database';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError } from '../errors';

export const LOGO_MAX_BYTES = 300 * 1024;

/** The logo form: a file to save, or the logo to remove. */
export const logoFormSchema = z
	.object({
		intent: z.enum(['save', 'remove'], {
			error: 'Choisissez d’enregistrer ou de retirer le logo.'
		}),
		logo: z.union([z.instanceof(File), z.literal('')]).default('')
	})
	.refine((form) => form.intent === 'remove' || (form.logo instanceof File && form.logo.size > 0), {
		message: 'Choisissez un fichier image (PNG ou JPEG).',
		path: ['logo']
	});
const MIN_SIDE = 32;
const MAX_SIDE = 4000;
const TYPES = { png: 'image/png', jpg: 'image/jpeg' } as const;

export interface LogoInfo {
	contentType: string;
	width: number;
	height: number;
	/** Changes with the image, so its URL can be cached for good. */
	version: string;
	uploadedAt: string;
}

export interface Logo extends LogoInfo {
	bytes: Buffer;
}

export interface CheckedImage {
	contentType: (typeof TYPES)[keyof typeof TYPES];
	width: number;
	height: number;
}

/** What an uploaded file really is, from its bytes, never from its name. */
export function checkLogoImage(bytes: Uint8Array): CheckedImage {
	if (bytes.length === 0) throw new InvalidInputError('Choisissez un fichier image.', 'logo');
	if (bytes.length > LOGO_MAX_BYTES) {
		throw new InvalidInputError(
			`Le fichier pèse ${Math.ceil(bytes.length / 1024)} Ko : le logo ne doit pas dépasser ${LOGO_MAX_BYTES / 1024} Ko. Réduisez sa taille puis recommencez.`,
			'logo'
		);
	}
	let size: ReturnType<typeof imageSize>;
	try {
		size = imageSize(bytes);
	} catch {
		throw new InvalidInputError(
			'Ce fichier n’est pas une image lisible. Envoyez un PNG ou un JPEG.',
			'logo'
		);
	}
	const contentType = size.type === 'png' || size.type === 'jpg' ? TYPES[size.type] : null;
	if (!contentType) {
		throw new InvalidInputError(
			`Ce fichier est une image ${String(size.type).toUpperCase()} : envoyez un PNG ou un JPEG.`,
			'logo'
		);
	}
	const { width = 0, height = 0 } = size;
	if (Math.min(width, height) < MIN_SIDE || Math.max(width, height) > MAX_SIDE) {
		throw new InvalidInputError(
			`L’image mesure ${width} × ${height} pixels : chaque côté doit mesurer entre ${MIN_SIDE} et ${MAX_SIDE} pixels.`,
			'logo'
		);
	}
	return { contentType, width, height };
}

export async function getLogo(db: Executor): Promise<Logo | null> {
	const row = await db
		.selectFrom('organisation_logo')
		.selectAll()
		.where('id', '=', 1)
		.executeTakeFirst();
	if (!row) return null;
	return {
		contentType: row.content_type,
		width: row.width,
		height: row.height,
		version: row.sha256.slice(0, 16),
		uploadedAt: row.uploaded_at,
		bytes: Buffer.from(row.bytes)
	};
}

export async function getLogoInfo(db: Executor): Promise<LogoInfo | null> {
	const row = await db
		.selectFrom('organisation_logo')
		.select(['content_type', 'width', 'height', 'sha256', 'uploaded_at'])
		.where('id', '=', 1)
		.executeTakeFirst();
	return row
		? {
				contentType: row.content_type,
				width: row.width,
				height: row.height,
				version: row.sha256.slice(0, 16),
				uploadedAt: row.uploaded_at
			}
		: null;
}

/** Replaces the logo, for an administrator. */
export async function saveLogo(db: Db, actor: Actor | null, bytes: Uint8Array): Promise<LogoInfo> {
	assertCan(actor, 'settings.manage');
	return storeLogo(db, bytes, actor);
}

/** For the demonstration seed and installation scripts, which act as no one. */
export async function installLogo(db: Db, bytes: Uint8Array): Promise<LogoInfo> {
	return storeLogo(db, bytes, null);
}

async function storeLogo(db: Db, bytes: Uint8Array, actor: Actor | null): Promise<LogoInfo> {
	const image = checkLogoImage(bytes);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const row = {
		id: 1,
		content_type: image.contentType,
		width: image.width,
		height: image.height,
		bytes: Buffer.from(bytes),
		sha256,
		uploaded_at: nowForDb()
	};
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('organisation_logo')
			.values(row)
			.onConflict((oc) => oc.column('id').doUpdateSet({ ...row, id: undefined }))
			.execute();
		if (actor) {
			await recordAudit(tx, {
				actor,
				action: 'settings.logo',
				entityType: 'setting',
				entityId: 'logo',
				after: { type: image.contentType, width: image.width, height: image.height, sha256 }
			});
		}
	});
	return {
		contentType: image.contentType,
		width: image.width,
		height: image.height,
		version: sha256.slice(0, 16),
		uploadedAt: row.uploaded_at
	};
}

export async function removeLogo(db: Db, actor: Actor | null): Promise<void> {
	assertCan(actor, 'settings.manage');
	await db.transaction().execute(async (tx) => {
		const removed = await tx.deleteFrom('organisation_logo').where('id', '=', 1).executeTakeFirst();
		if (removed.numDeletedRows > 0n) {
			await recordAudit(tx, {
				actor,
				action: 'settings.logo.remove',
				entityType: 'setting',
				entityId: 'logo'
			});
		}
	});
}
