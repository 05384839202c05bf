// The console, for cli/ only: plain lines to stdout, problems to stderr, secrets redacted, and a
// logger that the lower layers (graph, localgraph) receive instead of writing anywhere themselves.
import { redactText } from './redact';

export interface Output {
  /** A line of normal output (stdout). */
  line(text?: string): void;
  /** A problem (stderr). */
  error(text: string): void;
  /** Secrets that must never be printed (added once the config is loaded). */
  addSecrets(secrets: readonly string[]): void;
}

export function createConsoleOutput(): Output {
  const secrets: string[] = [];
  return {
    line: (text = '') => console.log(redactText(text, secrets)),
    error: (text) => console.error(redactText(text, secrets)),
    addSecrets: (more) => {
      secrets.push(...more.filter((s) => s.length > 0));
    },
  };
}

/** Collects lines in memory (tests, and commands run inside other commands). */
export function createMemoryOutput(): Output & { readonly lines: string[]; readonly errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  const secrets: string[] = [];
  return {
    lines,
    errors,
    line: (text = '') => lines.push(redactText(text, secrets)),
    error: (text) => errors.push(redactText(text, secrets)),
    addSecrets: (more) => {
      secrets.push(...more);
    },
  };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/** One logger shape that satisfies both localgraph's (message, requestId) and graph's (message, context). */
export interface CliLogger {
  debug(message: string, context?: string | Readonly<Record<string, unknown>>): void;
  info(message: string, context?: string | Readonly<Record<string, unknown>>): void;
  warn(message: string, context?: string | Readonly<Record<string, unknown>>): void;
  error(message: string, context?: string | Readonly<Record<string, unknown>>): void;
}

export function createCliLogger(options: { output: Output; level: LogLevel; prefix: string }): CliLogger {
  const write =
    (level: LogLevel) =>
    (message: string, context?: string | Readonly<Record<string, unknown>>): void => {
      if (ORDER[level] < ORDER[options.level]) return;
      const ctx =
        context === undefined
          ? ''
          : typeof context === 'string'
            ? ` [${context}]`
            : ` ${JSON.stringify(context)}`;
      const text = `${options.prefix} ${level}: ${message}${ctx}`;
      if (level === 'warn' || level === 'error') options.output.error(text);
      else options.output.line(text);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
