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

interface DeclaredColumn {
	kind: 'text' | 'number' | 'bytes' | 'other';
	nullable: boolean;
	generated: boolean;
}

const SCHEMA_FILE = fileURLToPath(new URL('./schema.ts', import.meta.url));
const SRC_LIB = fileURLToPath(new URL('../../', import.meta.url));

/** What a column's type reads as once aliases and imported unions are resolved. */
function describeType(type: ts.Type, checker: ts.TypeChecker): Omit<DeclaredColumn, 'generated'> {
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
			columns.set(column.name, { ...describeType(type, checker), generated });
		}
		tables.set(table.name, columns);
	}
	return tables;
}

interface ColumnInfo {
	name: string;
	type: string;
	notnull: number;
	dflt_value: string | null;
	pk: number;
}

describe('db/schema.ts', () => {
	it('declares exactly the tables and columns the migrations create, with their types', async () => {
		const db = await createTestDatabase();
		const declared = declaredTables();
		const { rows: tables } = await sql<{ name: string }>`
			select name from sqlite_master
			where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
			order by name`.execute(db);
		expect(tables.map((t) => t.name).sort()).toEqual([...declared.keys()].sort());

		const problems: string[] = [];
		for (const { name: table } of tables) {
			const { rows } = await sql<ColumnInfo>`select * from pragma_table_info(${table})`.execute(db);
			const columns = declared.get(table)!;
			for (const column of rows) {
				const where = `${table}.${column.name}`;
				const type = columns.get(column.name);
				if (!type) {
					problems.push(`${where} : colonne absente de schema.ts`);
					continue;
				}
				const kind = /INT|REAL|NUM/i.test(column.type)
					? 'number'
					: /BLOB/i.test(column.type)
						? 'bytes'
						: 'text';
				if (type.kind !== kind)
					problems.push(`${where} : ${column.type} en base, ${type.kind} dans schema.ts`);
				// SQLite reports an INTEGER PRIMARY KEY as nullable; it never is.
				const nullable = column.notnull === 0 && column.pk === 0;
				if (type.nullable !== nullable)
					problems.push(`${where} : ${nullable ? 'nullable' : 'NOT NULL'} en base`);
				const defaulted = column.dflt_value !== null || (column.pk === 1 && kind === 'number');
				if (type.generated && !defaulted)
					problems.push(`${where} : Generated<> sans valeur par défaut en base`);
			}
			for (const name of columns.keys())
				if (!rows.some((c) => c.name === name))
					problems.push(`${table}.${name} : dans schema.ts, absente en base`);
		}
		expect(problems).toEqual([]);
		await db.destroy();
	});
});
