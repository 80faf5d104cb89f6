import type { RequestHandler } from './$types';
import { exportResponse } from '$lib/server/consultations/export-response';

export const GET: RequestHandler = (event) => exportResponse(event, 'xlsx');
