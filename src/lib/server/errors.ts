// Errors a service raises for the caller to turn into a 4xx; anything else is a bug.
export class DomainError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 429,
		message: string
	) {
		super(message);
		this.name = new.target.name;
	}
}

export class ForbiddenError extends DomainError {
	constructor(message = "Vous n'avez pas accès à cette page ou à cette action.") {
		super(403, message);
	}
}

export class NotFoundError extends DomainError {
	constructor(message = 'Élément introuvable.') {
		super(404, message);
	}
}

export class ConflictError extends DomainError {
	constructor(
		message: string,
		readonly field?: string
	) {
		super(409, message);
	}
}

export class InvalidInputError extends DomainError {
	constructor(
		message: string,
		readonly field?: string
	) {
		super(400, message);
	}
}

export class RateLimitedError extends DomainError {
	constructor(
		readonly retryAfterSeconds: number,
		/** Another way to get there, e.g. the service's phone number. */
		otherWay = ''
	) {
		const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
		super(
			429,
			`Trop de tentatives. Par sécurité, réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.${otherWay ? ` ${otherWay}` : ''}`
		);
	}
}
