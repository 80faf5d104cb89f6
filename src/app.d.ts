import type { User } from '$lib/server/users/user';
import type { Session } from '$lib/server/auth/sessions';
import type { Actor } from '$lib/server/auth/permissions';
import type { DisplaySettings } from '$lib/display-settings';
import type { Context } from '$lib/server/context';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Where to go next, when the error page can offer a way out. */
			link?: { href: string; label: string };
		}
		interface Locals {
			user: User | null;
			session: Session | null;
			actor: Actor | null;
			display: DisplaySettings;
			/** The database, mailer, site address and clock services run with (see context.ts). */
			ctx: Context;
			/** Set when the access table refuses this page (see hooks.server.ts). */
			accessRefused: boolean;
		}
	}
}

export {};
