import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser, TEST_PASSWORD } from '../testing';
import { ForbiddenError, InvalidInputError } from '../errors';
import { createSession } from '../auth/sessions';
import { recordAudit } from '../audit/audit';
import { changeOwnPassword, deleteOwnAccount, exportOwnData, updateOwnProfile } from './account';

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
			changeOwnPassword(db, actor, { currentPassword: 'faux', password: 'nouveau mot de passe' })
		).rejects.toBeInstanceOf(InvalidInputError);
		await changeOwnPassword(db, actor, {
			currentPassword: TEST_PASSWORD,
			password: 'nouveau mot de passe'
		});
		await expect(
			changeOwnPassword(db, actor, { currentPassword: TEST_PASSWORD, password: 'encore un autre' })
		).rejects.toBeInstanceOf(InvalidInputError);
	});

	it('deletes the account, keeps the audit trail unlinked, and protects the last administrator', async () => {
		const db = await createTestDatabase();
		const { user, actor } = await createTestUser(db, 'agent', { displayName: 'Karim Agent' });
		await recordAudit(db, { actor, action: 'site.updated', entityType: 'site', entityId: 1 });
		await expect(deleteOwnAccount(db, actor, 'faux')).rejects.toBeInstanceOf(InvalidInputError);
		await deleteOwnAccount(db, actor, TEST_PASSWORD);
		expect(
			await db.selectFrom('user').selectAll().where('id', '=', user.id).execute()
		).toHaveLength(0);
		const trail = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
		expect(trail[0]).toMatchObject({ actor_user_id: null, actor_label: 'Compte supprimé' });
		expect(JSON.stringify(trail)).not.toContain('Karim');

		const { actor: admin } = await createTestUser(db, 'admin');
		await expect(deleteOwnAccount(db, admin, TEST_PASSWORD)).rejects.toThrow(
			/dernier administrateur/
		);
	});
});
