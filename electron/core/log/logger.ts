/** Minimal structured logger: one JSON line per entry on stderr. The core never uses console. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(scope: string, sink: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>): void => {
    sink(JSON.stringify({ t: new Date().toISOString(), level, scope, message, ...fields }));
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** A logger that drops everything, for tests. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
