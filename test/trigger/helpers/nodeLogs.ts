/**
 * What the trigger nodes write to n8n's log (context.logger): n8n-core hands every node context
 * the host's Logger, which prints nothing in these tests, so its getter is replaced by a recorder
 * for the duration of a test.
 */
import { ExecuteContext, WebhookContext } from 'n8n-core';

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: unknown;
}

export interface NodeLogs {
	readonly lines: LogLine[];
	/** Messages at one level. */
	messages(level: LogLine['level']): string[];
	restore(): void;
}

export function recordNodeLogs(): NodeLogs {
	const lines: LogLine[] = [];
	const at =
		(level: LogLine['level']) =>
		(message: string, meta?: unknown): void => {
			lines.push({ level, message, meta });
		};
	const logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
	// The webhook call and the trigger's step in the run it starts.
	const spies = [
		jest
			.spyOn(WebhookContext.prototype, 'logger', 'get')
			.mockReturnValue(logger as unknown as WebhookContext['logger']),
		jest
			.spyOn(ExecuteContext.prototype, 'logger', 'get')
			.mockReturnValue(logger as unknown as ExecuteContext['logger']),
	];
	return {
		lines,
		messages: (level) => lines.filter((line) => line.level === level).map((line) => line.message),
		restore: () => spies.forEach((spy) => spy.mockRestore()),
	};
}
