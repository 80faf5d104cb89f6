// The table types of schema.ts are written by hand: this test reads them with
// the TypeScript compiler and checks them against the database the migrations
// build, table by table and column by column (name, text or number, null or
// not, generated or given), so a migration without its type, or the reverse,
// fails here rather than at run time.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-database';
import { engineOf } from './database';

interface DeclaredColumn {
	kind: 'text' | 'number' | 'bytes' | 'other';
	nullable: boolean;
	generated: boolean;
	/** The schema's name for what the column holds (Flag, Instant, Day, JsonText), if any. */
	holds: Holds | null;
}

const HOLDS = ['Flag', 'Instant', 'Day', 'JsonText'] as const;
type Holds = (typeof HOLDS)[number];
/** The PostgreSQL type each of them is created with (see native-types.ts). */
const POSTGRES_TYPE: Record<Holds, string> = {
	Flag: 'bool',
	Instant: 'timestamptz',
	Day: 'date',
	JsonText: 'jsonb'
};

const SCHEMA_FILE = fileURLToPath(new URL('./schema.ts', import.meta.url));
const SRC_LIB = fileURLToPath(new URL('../../', import.meta.url));

/** What a column's type reads as once aliases and imported unions are resolved. */
function describeType(
	type: ts.Type,
	checker: ts.TypeChecker
): Omit<DeclaredColumn, 'generated' | 'holds'> {
	const parts = type.isUnion() ? type.types : [type];
	const kinds = new Set<DeclaredColumn['kind']>();
	let nullable = false;
	for (const part of parts) {
		if (part.flags & ts.TypeFlags.Null) nullable = true;
		else if (part.flags & ts.TypeFlags.StringLike) kinds.add('text');
		else if (part.flags & ts.TypeFlags.NumberLike) kinds.add('number');
		else if (['Buffer', 'Uint8Array'].includes(checker.typeToString(part).replace(/<.*/, '')))
			kinds.add('bytes');
		else kinds.add('other');
	}
	return { kind: kinds.size === 1 ? [...kinds][0] : 'other', nullable };
}

/** Table name → column name → what schema.ts declares, read by the type checker. */
function declaredTables(): Map<string, Map<string, DeclaredColumn>> {
	const program = ts.createProgram([SCHEMA_FILE], {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		paths: { '$lib/*': [`${SRC_LIB}*`] },
		types: ['node']
	});
	const checker = program.getTypeChecker();
	const source = program.getSourceFile(SCHEMA_FILE)!;
	let database: ts.InterfaceDeclaration | undefined;
	source.forEachChild((node) => {
		if (ts.isInterfaceDeclaration(node) && node.name.text === 'Database') database = node;
	});
	const tables = new Map<string, Map<string, DeclaredColumn>>();
	for (const table of checker.getTypeAtLocation(database!).getProperties()) {
		const columns = new Map<string, DeclaredColumn>();
		for (const column of checker.getTypeOfSymbol(table).getProperties()) {
			const declaration = column.declarations?.[0];
			const node =
				declaration && ts.isPropertySignature(declaration) ? declaration.type : undefined;
			const generated =
				!!node && ts.isTypeReferenceNode(node) && node.typeName.getText() === 'Generated';
			let type = checker.getTypeOfSymbol(column);
			// Generated<T> is Kysely's ColumnType: what a select returns is T.
			if (generated) type = checker.getTypeOfSymbol(type.getProperty('__select__')!);
			const written = node?.getText() ?? '';
			const holds = HOLDS.find((name) => new RegExp(`\\b${name}\\b`).test(written)) ?? null;
			columns.set(column.name, { ...describeType(type, checker), generated, holds });
		}
		tables.set(table.name, columns);
	}
	return tables;
}

describe('db/schema.ts', () => {
	it('declares exactly the tables and columns the migrations create, with their types', async () => {
		const db = await createTestDatabase();
		const postgres = engineOf(db) === 'postgres';
		const declared = declaredTables();
		const tables = await db.introspection.getTables();
		expect(tables.map((t) => t.name).sort()).toEqual([...declared.keys()].sort());

		const problems: string[] = [];
		for (const { name: table, columns: found } of tables) {
			const columns = declared.get(table)!;
			// SQLite reports primary keys as nullable (a legacy of its own); they never are.
			const primaryKey = postgres
				? new Set<string>()
				: new Set(
						(
							await sql<{
								name: string;
							}>`select name from pragma_table_info(${table}) where pk > 0`.execute(db)
						).rows.map((row) => row.name)
					);
			for (const column of found) {
				const where = `${table}.${column.name}`;
				const type = columns.get(column.name);
				if (!type) {
					problems.push(`${where} : colonne absente de schema.ts`);
					continue;
				}
				const kind = /BLOB|BYTEA/i.test(column.dataType)
					? 'bytes'
					: /INT|REAL|NUM|FLOAT|BOOL/i.test(column.dataType)
						? 'number'
						: 'text';
				if (type.kind !== kind)
					problems.push(`${where} : ${column.dataType} en base, ${type.kind} dans schema.ts`);
				const nullable = column.isNullable && !primaryKey.has(column.name);
				if (type.nullable !== nullable)
					problems.push(`${where} : ${nullable ? 'nullable' : 'NOT NULL'} en base`);
				const defaulted = column.hasDefaultValue || column.isAutoIncrementing;
				if (type.generated && !defaulted)
					problems.push(`${where} : Generated<> sans valeur par défaut en base`);
				if (postgres) {
					const native = Object.values(POSTGRES_TYPE).includes(column.dataType);
					const expected = type.holds ? POSTGRES_TYPE[type.holds] : null;
					if (expected !== (native ? column.dataType : null))
						problems.push(
							`${where} : ${column.dataType} sur PostgreSQL, ${type.holds ?? type.kind} dans schema.ts`
						);
				}
			}
			for (const name of columns.keys())
				if (!found.some((c) => c.name === name))
					problems.push(`${table}.${name} : dans schema.ts, absente en base`);
		}
		expect(problems).toEqual([]);
		await db.destroy();
	});
});
