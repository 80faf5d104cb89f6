// What the group forms offer, and how their posted values are read.
import { assertCan, type Actor } from '../auth/permissions';
import type { Executor } from '../db/database';
import { GROUP_KINDS } from '$lib/panel-vocabulary';
import { byFrench } from '../db/database';

export async function groupFormOptions(db: Executor, actor: Actor | null) {
	assertCan(actor, 'groups.manage');
	const territories = await db
		.selectFrom('territory')
		.select(['id', 'name'])
		.orderBy(byFrench('name'))
		.execute();
	return {
		kinds: GROUP_KINDS.map((k) => ({ value: k.code, label: k.label })),
		territories: territories.map((t) => ({ value: String(t.id), label: t.name }))
	};
}

/** The text fields of a posted form, as strings (absent fields are empty). */
