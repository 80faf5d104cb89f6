// Choices offered by the back-office consultation forms.
import type { Executor } from '../db/database';

export async function axisOptions(db: Executor) {
	const axes = await db.selectFrom('axis').select(['code', 'name']).orderBy('position').execute();
	return axes.map((a) => ({ value: a.code, label: a.name }));
}
