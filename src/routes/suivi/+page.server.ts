import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { followByReceipt } from '$lib/server/contributions/traceability';

/** A GET form: the address can be bookmarked, and it works without JavaScript. */
export const load: PageServerLoad = async ({ url, getClientAddress, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const code = (url.searchParams.get('code') ?? '').slice(0, 40);
	if (!code.trim()) return { code, result: null, error: null };
	try {
		return { code, result: await followByReceipt(getDb(), code, getClientAddress()), error: null };
	} catch (caught) {
		if (caught instanceof DomainError) return { code, result: null, error: caught.message };
		throw caught;
	}
};
