// The yardstick of `npm run bench`: a bare node:http handler that stores a
// submitted form (one response row, one answer row per answered field, in
// one transaction) in the same database as the app, with no framework,
// validation, session or rendering. The app's submissions are measured
// against it in the same run and conditions.
//   node scripts/bare-submission-server.js PORT CONSULTATION_ID (DATABASE_PATH or DATABASE_URL in the environment)
import { createServer } from 'node:http';

const [port, consultationId] = process.argv.slice(2).map(Number);
const url = process.env.DATABASE_URL;

function answersOf(body) {
	const rows = [];
	for (const [name, value] of new URLSearchParams(body)) {
		const match = /^q(\d+)(?:_(\d+))?$/.exec(name);
		if (!match) continue;
		const number = Number(value);
		rows.push([Number(match[1]), Number.isFinite(number) ? number : null, value]);
	}
	return rows;
}

async function storeWith() {
	const now = () => new Date().toISOString();
	if (url) {
		const { default: pg } = await import('pg');
		const pool = new pg.Pool({ connectionString: url, max: 10 });
		return async (rows) => {
			const client = await pool.connect();
			try {
				await client.query('begin');
				const { rows: inserted } = await client.query(
					`insert into response (consultation_id, status, channel, started_at, updated_at, submitted_at)
					 values ($1, 'envoyee', 'telephone', $2, $2, $2) returning id`,
					[consultationId, now()]
				);
				for (const [question, number, text] of rows)
					await client.query(
						'insert into answer (response_id, question_id, number_value, text_value) values ($1, $2, $3, $4)',
						[inserted[0].id, question, number, text]
					);
				await client.query('commit');
			} catch (error) {
				await client.query('rollback');
				throw error;
			} finally {
				client.release();
			}
		};
	}
	const { default: Database } = await import('better-sqlite3');
	const db = new Database(process.env.DATABASE_PATH);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	const insertResponse = db.prepare(
		`insert into response (consultation_id, status, channel, started_at, updated_at, submitted_at)
		 values (?, 'envoyee', 'telephone', ?, ?, ?)`
	);
	const insertAnswer = db.prepare(
		'insert into answer (response_id, question_id, number_value, text_value) values (?, ?, ?, ?)'
	);
	const store = db.transaction((rows) => {
		const at = now();
		const { lastInsertRowid } = insertResponse.run(consultationId, at, at, at);
		for (const [question, number, text] of rows)
			insertAnswer.run(lastInsertRowid, question, number, text);
	});
	return async (rows) => store(rows);
}

const store = await storeWith();
createServer((request, response) => {
	let body = '';
	request.setEncoding('utf8');
	request.on('data', (chunk) => (body += chunk));
	request.on('end', () => {
		store(answersOf(body)).then(
			() => response.writeHead(303, { location: '/merci' }).end(),
			(error) => response.writeHead(500).end(String(error))
		);
	});
}).listen(port, '127.0.0.1', () => console.log('Listening'));
