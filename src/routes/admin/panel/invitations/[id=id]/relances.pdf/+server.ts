import type { RequestHandler } from './$types';
import { lettersResponse } from '$lib/server/panel/lottery/letters-response';

export const GET: RequestHandler = (event) => lettersResponse(event, 'relances');
