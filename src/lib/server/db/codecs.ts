// Values cross the database boundary here, so that rows read the same on
// SQLite (integers, text) and on PostgreSQL (booleans, timestamps, jsonb).

export function toDbBool(value: boolean): number {
	return value ? 1 : 0;
}

export function fromDbBool(value: number | boolean | null | undefined): boolean {
	return value === true || value === 1;
}

export function toDbDate(value: Date): string {
	return value.toISOString();
}

export function fromDbDate(value: string | Date): Date;
export function fromDbDate(value: string | Date | null): Date | null;
export function fromDbDate(value: string | Date | null): Date | null {
	if (value === null) return null;
	return value instanceof Date ? value : new Date(value);
}

export function nowForDb(): string {
	return toDbDate(new Date());
}

export function toDbJson(value: unknown): string {
	return JSON.stringify(value);
}

export function fromDbJson<T>(value: string | null, fallback: T): T {
	if (value === null) return fallback;
	try {
		return JSON.parse(value) as T;
	} catch {
		return fallback;
	}
}
