// What the server tells its operators. By default a readable line on the
// console; with LOG_FORMAT=json, one JSON object per line (time, level,
// message and fields) for a log collector.
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
	info(message: string, fields?: LogFields): void;
	warn(message: string, fields?: LogFields): void;
	error(message: string, fields?: LogFields): void;
}

export type LogFormat = 'text' | 'json';

/** An error as JSON can hold it: its name, message and stack, not `{}`. */
function serialisable(value: unknown): unknown {
	if (value instanceof Error)
		return { name: value.name, message: value.message, stack: value.stack };
	return value;
}

export function jsonLine(
	level: LogLevel,
	message: string,
	fields: LogFields = {},
	now = new Date()
) {
	const entry: LogFields = { time: now.toISOString(), level, msg: message };
	for (const [key, value] of Object.entries(fields)) entry[key] = serialisable(value);
	return JSON.stringify(entry);
}

export function createLogger(
	format: LogFormat,
	write: (level: LogLevel, line: string) => void = (level, line) =>
		(level === 'info' ? process.stdout : process.stderr).write(`${line}\n`)
): Logger {
	const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
		if (format === 'json') return write(level, jsonLine(level, message, fields));
		const { error, ...rest } = fields ?? {};
		const details = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
		const cause =
			error instanceof Error
				? `\n${error.stack ?? error.message}`
				: error
					? ` ${String(error)}`
					: '';
		write(level, `${message}${details}${cause}`);
	};
	return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export function logFormatFrom(value: string | undefined): LogFormat {
	return value?.toLowerCase() === 'json' ? 'json' : 'text';
}
