import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { createMailer } from '../mail/mailer';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { createSession, validateSessionToken } from '../auth/sessions';
import { createUser, listUsers, updateUser } from './service';

const invitation = {
	mailer: createMailer({ smtpUrl: null, from: 'c@exemple.fr' }),
	origin: 'http://x'
};

describe('user management', () => {
	it('lets an administrator create an account, invite its owner and audit it', async () => {
		const db = await createTestDatabase();
		const { actor } = await createTestUser(db, 'admin');
		const user = await createUser(
			createTestContext(db, { mailer: invitation.mailer, origin: invitation.origin }),
			actor,
			{ email: 'nouvelle@exemple.fr', displayName: 'Nouvelle Agente', role: 'agent' }
		);
		expect(user.hasPassword).toBe(false);
		const mail = await db.selectFrom('mail_message').selectAll().executeTakeFirstOrThrow();
		expect(mail.to_address).toBe('nouvelle@exemple.fr');
		expect(mail.text_body).toContain('http://x/mot-de-passe-oublie/');
		const audit = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'user.created')
			.execute();
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0].after!)).toMatchObject({
			role: 'agent',
			email: 'nouvelle@exemple.fr'
		});

		await expect(
			createUser(
				createTestContext(db, { mailer: invitation.mailer, origin: invitation.origin }),
				actor,
				{ email: 'NOUVELLE@exemple.fr', displayName: 'Doublon', role: 'agent' }
			)
		).rejects.toBeInstanceOf(ConflictError);
		const { users, total } = await listUsers(db, actor, { q: 'agente' });
		expect(total).toBe(1);
		expect(users[0].email).toBe('nouvelle@exemple.fr');
	});

	it('refuses agents, pilotes and residents', async () => {
		const db = await createTestDatabase();
		for (const role of ['agent', 'pilote', 'habitant', 'membre'] as const) {
			const { actor } = await createTestUser(db, role);
			await expect(listUsers(db, actor, {})).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				createUser(
					createTestContext(db, { mailer: invitation.mailer, origin: invitation.origin }),
					actor,
					{ email: `x-${role}@exemple.fr`, displayName: 'X', role: 'admin' }
				)
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(listUsers(db, null, {})).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('keeps at least one active administrator and ends the sessions of a deactivated account', async () => {
		const db = await createTestDatabase();
		const { actor: admin, user: adminUser } = await createTestUser(db, 'admin');
		await expect(
			updateUser(db, admin, adminUser.id, { displayName: 'Moi', role: 'agent', active: true })
		).rejects.toBeInstanceOf(ForbiddenError);

		const { user: other } = await createTestUser(db, 'admin');
		const { token } = await createSession(db, other.id);
		const updated = await updateUser(db, admin, other.id, {
			displayName: 'Autre',
			role: 'admin',
			active: false
		});
		expect(updated.active).toBe(false);
		expect(await validateSessionToken(db, token)).toBeNull();

		const { actor: second } = await createTestUser(db, 'admin');
		await db.updateTable('user').set({ active: 0 }).where('id', '=', admin.id).execute();
		const { user: agent } = await createTestUser(db, 'agent');
		await updateUser(db, second, agent.id, { displayName: 'Agent', role: 'pilote', active: true });
		await expect(
			updateUser(db, second, second.id, { displayName: 'X', role: 'admin', active: false })
		).rejects.toBeInstanceOf(ForbiddenError);
		await db.updateTable('user').set({ active: 1 }).where('id', '=', admin.id).execute();
		await db.updateTable('user').set({ role: 'agent' }).where('id', '=', second.id).execute();
		// Only `admin` is left as an active administrator: nobody may remove them.
		const { actor: third } = await createTestUser(db, 'admin');
		await db.updateTable('user').set({ active: 0 }).where('id', '=', third.id).execute();
		await expect(
			updateUser(db, { ...third }, admin.id, { displayName: 'X', role: 'agent', active: true })
		).rejects.toBeInstanceOf(InvalidInputError);
	});
});
