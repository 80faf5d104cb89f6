// The only module that knows the database is PostgreSQL: driver, pool, how
// values come back, and how the shared migrations get native column types.
import pg from 'pg';
import {
	ColumnDefinitionNode,
	DefaultValueNode,
	GeneratedNode,
	type Kysely,
	OperationNodeTransformer,
	PostgresDialect,
	RawNode,
	sql,
	type AlterTableNode,
	type CreateTableNode,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type QueryResult,
	type RootOperationNode,
	type UnknownRow
} from 'kysely';
import { nativeTypeOf } from './native-types';

const OID = pg.types.builtins;

const parseTimestamp = pg.types.getTypeParser(OID.TIMESTAMPTZ);

/**
 * Rows read as they do on SQLite, so that the codecs and the row types are the
 * same on both engines: booleans as 0/1, instants as ISO-8601 text, days as
 * `YYYY-MM-DD`, JSON as its text, counts and sums as numbers.
 */
function typeParser(oid: number, format?: string): (value: string) => unknown {
	switch (oid) {
		case OID.BOOL:
			return (value) => (value === 't' ? 1 : 0);
		case OID.INT8:
		case OID.NUMERIC:
			return (value) => Number(value);
		case OID.TIMESTAMPTZ:
			return (value) => (parseTimestamp(value) as Date).toISOString();
		case OID.DATE:
		case OID.JSON:
		case OID.JSONB:
			return (value) => value;
		default:
			return pg.types.getTypeParser(oid, format as 'text');
	}
}

/** Runs `work` on a connection of its own to the server: to create, copy or drop databases. */
export async function onPostgresServer<T>(
	serverUrl: string,
	work: (client: pg.Client) => Promise<T>
): Promise<T> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** The address of another database on the same server. */
export function databaseUrlOn(serverUrl: string, database: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${database}`;
	return url.toString();
}

export interface PostgresOptions {
	url: string;
	/** Connections kept open by this process. */
	poolSize: number;
	/** Told when an idle connection is lost; the console by default. */
	onConnectionLost?: (error: Error) => void;
}

export function postgresDialect({
	url,
	poolSize,
	onConnectionLost = (error) => console.error('PostgreSQL : connexion perdue —', error.message)
}: PostgresOptions): PostgresDialect {
	const pool = new pg.Pool({
		connectionString: url,
		max: poolSize,
		// Day strings compared with instants mean midnight UTC, as ISO text compares on SQLite.
		options: '-c TimeZone=UTC',
		types: { getTypeParser: typeParser as typeof pg.types.getTypeParser }
	});
	// An idle connection the server closed (restart, failover) is dropped by the
	// pool and replaced on next use; without a listener it would end the process.
	pool.on('error', onConnectionLost);
	return new PostgresDialect({ pool });
}

/** French order, numbers by value (« Atelier 2 » before « Atelier 10 »), from ICU. */
export const FRENCH_COLLATION = 'fr_natural';

/** What an engine needs before the migrations run. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function preparePostgres(db: Kysely<any>): Promise<void> {
	await sql`
		do $$ begin
			if not exists (select 1 from pg_collation where collname = ${sql.lit(FRENCH_COLLATION)}) then
				create collation ${sql.id(FRENCH_COLLATION)} (provider = icu, locale = 'fr-u-kn');
			end if;
		end $$`.execute(db);
}

/**
 * The migrations are written once with Kysely's schema builder in SQLite's
 * vocabulary (integer, text, real, blob). On PostgreSQL this plugin gives each
 * column its native type: identity keys, bigint for SQLite's 64-bit
 * integers, double precision for real, bytea for blob, and boolean,
 * timestamptz, date or jsonb where ./native-types.ts says the column holds
 * one. It also turns the few SQLite functions the code names into
 * PostgreSQL's (see byFrench and jsonArrayIncludes in ./database.ts).
 */
export class PostgresPortability implements KyselyPlugin {
	transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
		return new NativeTypes().transformNode(node);
	}

	async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return result;
	}
}

class NativeTypes extends OperationNodeTransformer {
	#table = '';

	protected override transformCreateTable(node: CreateTableNode): CreateTableNode {
		this.#table = node.table.table.identifier.name;
		return super.transformCreateTable(node);
	}

	protected override transformAlterTable(node: AlterTableNode): AlterTableNode {
		this.#table = node.table.table.identifier.name;
		return super.transformAlterTable(node);
	}

	protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
		const column = super.transformColumnDefinition(node);
		const declared = sqliteTypeOf(column);
		const native = nativeTypeOf(this.#table, column.column.column.name, declared);
		if (!native) return column;
		const identity = column.autoIncrement
			? {
					autoIncrement: false,
					generated: GeneratedNode.create({ byDefault: true, identity: true })
				}
			: {};
		const flagDefault =
			native === 'boolean' && column.defaultTo
				? {
						defaultTo: DefaultValueNode.create(
							sql
								.raw(
									(column.defaultTo.defaultValue as { value?: unknown }).value ? 'true' : 'false'
								)
								.toOperationNode()
						)
					}
				: {};
		const typed = ColumnDefinitionNode.cloneWith(column, { ...identity, ...flagDefault });
		return { ...typed, dataType: sql.raw(native).toOperationNode() };
	}

	/** json_each(x) → jsonb_array_elements_text(x); fr_sort_key(x) → (x) collate fr_natural. */
	protected override transformRaw(node: RawNode): RawNode {
		const raw = super.transformRaw(node);
		const fragments = [...raw.sqlFragments];
		let changed = false;
		for (let i = 0; i < fragments.length; i++) {
			if (/\bjson_each\($/.test(fragments[i])) {
				fragments[i] = fragments[i].replace(/\bjson_each\($/, 'jsonb_array_elements_text(');
				changed = true;
			}
			if (/\bfr_sort_key\($/.test(fragments[i]) && fragments[i + 1]?.startsWith(')')) {
				fragments[i] = fragments[i].replace(/\bfr_sort_key\($/, '(');
				fragments[i + 1] = `) collate "${FRENCH_COLLATION}"${fragments[i + 1].slice(1)}`;
				changed = true;
			}
		}
		return changed ? RawNode.create(fragments, raw.parameters) : raw;
	}
}

function sqliteTypeOf(column: ColumnDefinitionNode): string {
	const type = column.dataType as { kind: string; dataType?: string };
	return type.kind === 'DataTypeNode' ? String(type.dataType) : '';
}
