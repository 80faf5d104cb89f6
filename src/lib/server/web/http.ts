// Turns service errors into HTTP answers for routes: a 4xx with the
// service's French message, never a 500.
import { error } from '@sveltejs/kit';
import { DomainError } from '../errors';

export async function orHttpError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (caught instanceof DomainError) error(caught.status, caught.message);
		throw caught;
	}
}
