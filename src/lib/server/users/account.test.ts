import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser, TEST_PASSWORD, createTestContext } from '../testing';
import { ForbiddenError, InvalidInputError } from '../errors';
import { createSession } from '../auth/sessions';
import { recordAudit } from '../audit/audit';
import { changeOwnPassword, deleteOwnAccount, exportOwnData, updateOwnProfile } from './account';
import { RateLimitedError } from '../errors';
import { RATE_LIMITS } from '../security/rate-limit';

const IP = '10.0.0.9';

describe('own account', () => {
	it('exports what the platform holds about the person, without secrets', async () => {
		const db = await createTestDatabase();
		const { user, actor } = await createTestUser(db, 'agent', { email: 'moi@exemple.fr' });
		await createSession(db, user.id);
		await updateOwnProfile(db, actor, { displayName: 'Nouveau nom' });
		const data = await exportOwnData(db, actor);
		expect(data.account).toMatchObject({
			email: 'moi@exemple.fr',
			displayName: 'Nouveau nom',
			role: 'agent'
		});
		expect(data.sessions).toHaveLength(1);
		expect(data.actionsInBackOffice.map((a) => a.action)).toContain('user.profile_updated');
		expect(JSON.stringify(data)).not.toMatch(/argon2|password_hash/);
		await expect(exportOwnData(db, null)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('changes the password only with the current one', async () => {
		const db = await createTestDatabase();
		const { actor } = await createTestUser(db, 'habitant');
		await expect(
			changeOwnPassword(db, actor, {
				currentPassword: 'faux',
				password: 'nouveau mot de passe',
				ipAddress: IP
			})
		).rejects.toBeInstanceOf(InvalidInputError);
		await changeOwnPassword(db, actor, {
			currentPassword: TEST_PASSWORD,
			password: 'nouveau mot de passe',
			ipAddress: IP
		});
		await expect(
			changeOwnPassword(db, actor, {
				currentPassword: TEST_PASSWORD,
				password: 'encore un autre',
				ipAddress: IP
			})
		).rejects.toBeInstanceOf(InvalidInputError);
	});

	it('deletes the account, keeps the audit trail unlinked, and protects the last administrator', async () => {
		const db = await createTestDatabase();
		const { user, actor } = await createTestUser(db, 'agent', { displayName: 'Karim Agent' });
		await recordAudit(db, { actor, action: 'site.updated', entityType: 'site', entityId: 1 });
		await expect(deleteOwnAccount(createTestContext(db), actor, 'faux', IP)).rejects.toBeInstanceOf(
			InvalidInputError
		);
		await deleteOwnAccount(createTestContext(db), actor, TEST_PASSWORD, IP);
		expect(
			await db.selectFrom('user').selectAll().where('id', '=', user.id).execute()
		).toHaveLength(0);
		const trail = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
		expect(trail[0]).toMatchObject({ actor_user_id: null, actor_label: 'Compte supprimé' });
		expect(JSON.stringify(trail)).not.toContain('Karim');

		const { actor: admin } = await createTestUser(db, 'admin');
		await expect(deleteOwnAccount(createTestContext(db), admin, TEST_PASSWORD, IP)).rejects.toThrow(
			/dernier administrateur/
		);
	});

	it('throttles the password asked again, per account and address, and not for others', async () => {
		const db = await createTestDatabase();
		const { actor } = await createTestUser(db, 'admin');
		const attacker = '10.6.6.6';
		for (let i = 0; i < RATE_LIMITS.passwordFailuresPerAccountAndAddress.limit; i++)
			await expect(
				deleteOwnAccount(createTestContext(db), actor, 'essai', attacker)
			).rejects.toBeInstanceOf(InvalidInputError);
		await expect(
			deleteOwnAccount(createTestContext(db), actor, TEST_PASSWORD, attacker)
		).rejects.toBeInstanceOf(RateLimitedError);
		await expect(
			changeOwnPassword(db, actor, {
				currentPassword: 'essai',
				password: 'nouveau mot de passe',
				ipAddress: attacker
			})
		).rejects.toThrow(/appeler le service participation au \d/);
		// The same person from their own address is not locked out.
		await changeOwnPassword(db, actor, {
			currentPassword: TEST_PASSWORD,
			password: 'nouveau mot de passe',
			ipAddress: IP
		});
	});
});
