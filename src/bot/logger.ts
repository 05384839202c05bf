// The bot's logger: injected, so only cli/ writes to the console. Context never holds tokens.
import type { ILogger, LogLevel } from '@microsoft/teams.common';

export interface BotLogger {
  debug(message: string, context?: Readonly<Record<string, unknown>>): void;
  info(message: string, context?: Readonly<Record<string, unknown>>): void;
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
  error(message: string, context?: Readonly<Record<string, unknown>>): void;
}

export const noopBotLogger: BotLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const describe = (parts: readonly unknown[]): string =>
  parts
    .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : safeJson(p)))
    .join(' ')
    // The SDK logs activities and request configs: never let a bearer token through.
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]')
    .slice(0, 2000);

const safeJson = (value: unknown): string => {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

/** Adapts the injected logger to the Teams SDK's ILogger (which would otherwise write to the console). */
export const toTeamsLogger = (logger: BotLogger, name = 'teams'): ILogger => {
  const at =
    (level: keyof BotLogger) =>
    (...msg: unknown[]) =>
      logger[level](`[${name}] ${describe(msg)}`);
  const self: ILogger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    trace: at('debug'),
    log: (level: LogLevel, ...msg: unknown[]) => at(level === 'trace' ? 'debug' : level)(...msg),
    child: (child: string) => toTeamsLogger(logger, `${name}/${child}`),
  };
  return self;
};
