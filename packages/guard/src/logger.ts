/** The logging the guard needs; pino and console both fit. Only categories and rule ids are logged, never user text. */
export interface GuardLogger {
  warn(fields: Readonly<Record<string, unknown>>, message: string): void;
}
