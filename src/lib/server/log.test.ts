import { describe, expect, it } from 'vitest';
import { createLogger, logFormatFrom, type LogLevel } from './log';

function captured(format: 'text' | 'json') {
	const lines: { level: LogLevel; line: string }[] = [];
	return { lines, log: createLogger(format, (level, line) => lines.push({ level, line })) };
}

describe('logs', () => {
	it('writes one JSON object per line with LOG_FORMAT=json, errors with their message and stack', () => {
		expect(logFormatFrom('JSON')).toBe('json');
		expect(logFormatFrom(undefined)).toBe('text');
		const { lines, log } = captured('json');
		log.info('Concerto est prêt.', { event: 'start' });
		log.error('Erreur ab12cd34', {
			reference: 'ab12cd34',
			error: new Error('disque plein\nsuite')
		});
		expect(lines.map((l) => l.level)).toEqual(['info', 'error']);
		for (const { line } of lines) expect(line).not.toContain('\n');
		const [start, failure] = lines.map((l) => JSON.parse(l.line));
		expect(start).toMatchObject({ level: 'info', msg: 'Concerto est prêt.', event: 'start' });
		expect(Date.parse(start.time)).not.toBeNaN();
		expect(failure.error).toMatchObject({ name: 'Error', message: 'disque plein\nsuite' });
		expect(failure.error.stack).toContain('disque plein');
	});

	it('writes a readable line otherwise, with the stack of an error below it', () => {
		const { lines, log } = captured('text');
		log.warn('PostgreSQL : connexion perdue', { error: new Error('reset') });
		expect(lines[0].level).toBe('warn');
		expect(lines[0].line).toMatch(/^PostgreSQL : connexion perdue\nError: reset/);
	});
});
