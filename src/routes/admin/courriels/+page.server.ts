import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/web/query-params';
import { getRuntime } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listOutbox, OUTBOX_PAGE_SIZE } from '$lib/server/mail/outbox';
import { orHttpError } from '$lib/server/web/http';
import { getIdentity } from '$lib/server/settings/identity';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'outbox.read');
	const page = pageParam(url);
	const { db, config } = getRuntime();
	const status = url.searchParams.get('statut') === 'echec' ? 'echec' : undefined;
	const [result, identity] = await Promise.all([
		orHttpError(listOutbox(db, actor, page, { status })),
		getIdentity(db)
	]);
	return {
		...result,
		page,
		status,
		pageSize: OUTBOX_PAGE_SIZE,
		smtpConfigured: config.smtpUrl !== null,
		from: identity.mailFrom ? `${identity.serviceName} <${identity.mailFrom}>` : config.mailFrom
	};
};
