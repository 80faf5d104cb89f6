import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { getLogo } from '$lib/server/settings/logo';

// Pages link to /logo?v=<version>: that URL never changes content, so it is
// cached for good; the bare URL is revalidated.
export const GET: RequestHandler = async ({ url, request }) => {
	const logo = await getLogo(getDb());
	if (!logo) error(404, 'Aucun logo n’est enregistré.');
	const etag = `"${logo.version}"`;
	const cacheControl =
		url.searchParams.get('v') === logo.version
			? 'public, max-age=31536000, immutable'
			: 'public, max-age=300, must-revalidate';
	if (request.headers.get('if-none-match') === etag) {
		return new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl } });
	}
	return new Response(new Uint8Array(logo.bytes), {
		headers: {
			'content-type': logo.contentType,
			'content-length': String(logo.bytes.length),
			'cache-control': cacheControl,
			etag,
			'x-content-type-options': 'nosniff'
		}
	});
};
