import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { ForbiddenError, InvalidInputError } from '../errors';
import { DEMO_LOGO_PNG } from '../demo/logo';
import { SMALL_JPEG as JPEG } from '../../../../tests/support/images';
import { checkLogoImage, getLogo, getLogoInfo, LOGO_MAX_BYTES, removeLogo, saveLogo } from './logo';

const bytes = (text: string) => new TextEncoder().encode(text);
const gif = (width: number, height: number) =>
	Uint8Array.from([...bytes('GIF89a'), width & 0xff, width >> 8, height & 0xff, height >> 8, 0, 0]);

describe('the organisation’s logo', () => {
	it('is recognised from its bytes: PNG and JPEG of sensible size only', () => {
		expect(checkLogoImage(DEMO_LOGO_PNG)).toEqual({
			contentType: 'image/png',
			width: 360,
			height: 120
		});
		expect(checkLogoImage(JPEG)).toEqual({
			contentType: 'image/jpeg',
			width: 80,
			height: 64
		});
		const refused = (input: Uint8Array) => {
			try {
				checkLogoImage(input);
			} catch (caught) {
				expect(caught).toBeInstanceOf(InvalidInputError);
				expect((caught as InvalidInputError).field).toBe('logo');
				return (caught as Error).message;
			}
			throw new Error('accepted');
		};
		// An SVG can carry script: refused even when it says it is an image.
		expect(
			refused(bytes('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"></svg>'))
		).toMatch(/SVG : envoyez un PNG ou un JPEG/);
		expect(refused(gif(200, 80))).toMatch(/GIF/);
		expect(refused(bytes('%PDF-1.7 pas une image'))).toMatch(/pas une image lisible/);
		expect(refused(new Uint8Array())).toMatch(/Choisissez un fichier/);
		expect(refused(new Uint8Array(LOGO_MAX_BYTES + 1))).toMatch(/ne doit pas dépasser 300 Ko/);
		const tiny = Uint8Array.from(DEMO_LOGO_PNG);
		new DataView(tiny.buffer).setUint32(16, 20); // IHDR width
		expect(refused(tiny)).toMatch(/20 × 120 pixels/);
	});

	it('is saved by an administrator only, replaced, removed, and every change audited', async () => {
		const db = await createTestDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const agent = (await createTestUser(db, 'agent')).actor;
		expect(await getLogoInfo(db)).toBeNull();
		await expect(saveLogo(db, agent, DEMO_LOGO_PNG)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(saveLogo(db, null, DEMO_LOGO_PNG)).rejects.toBeInstanceOf(ForbiddenError);

		const first = await saveLogo(db, admin, DEMO_LOGO_PNG);
		expect(first).toMatchObject({ contentType: 'image/png', width: 360, height: 120 });
		const stored = await getLogo(db);
		expect(Buffer.compare(stored!.bytes, DEMO_LOGO_PNG)).toBe(0);

		const second = await saveLogo(db, admin, JPEG);
		expect(second.version).not.toBe(first.version);
		expect(await getLogoInfo(db)).toMatchObject({ contentType: 'image/jpeg', width: 80 });
		expect(await db.selectFrom('organisation_logo').select('id').execute()).toHaveLength(1);

		await expect(removeLogo(db, agent)).rejects.toBeInstanceOf(ForbiddenError);
		await removeLogo(db, admin);
		await removeLogo(db, admin);
		expect(await getLogo(db)).toBeNull();
		const actions = await db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'settings.logo%')
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'settings.logo',
			'settings.logo',
			'settings.logo.remove'
		]);
	});
});
