// The logger graph/ writes to. Injected (only cli/ writes to the console). Context objects never hold tokens.

export interface GraphLogger {
  debug(message: string, context?: Readonly<Record<string, unknown>>): void;
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
}

export const noopLogger: GraphLogger = {
  debug: () => undefined,
  warn: () => undefined,
};
