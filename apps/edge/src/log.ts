type Level = "debug" | "info" | "warn" | "error";

export type LogFields = Record<string, unknown>;

/** The edge's one logger: every line is one JSON object with `level` and `msg` first. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose lines also carry `fields`; a function is read when a line is written. */
  child(fields: LogFields | (() => LogFields)): Logger;
}

// Workers Logs file a line under the level of the console method that wrote it. Looked up at
// call time, so a test's spy on console.warn sees the line.
const WRITERS: Record<Level, (line: string) => void> = {
  debug: (line) => console.debug(line),
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};

/** Builds a logger over `context` (fields on every line), e.g. the request id and route. */
function createLogger(context: () => LogFields): Logger {
  const log =
    (level: Level) =>
    (msg: string, fields: LogFields = {}) => {
      WRITERS[level](line({ level, msg, ...context(), ...loggable(fields) }));
    };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (fields) => {
      const own = typeof fields === "function" ? fields : () => fields;
      return createLogger(() => ({ ...context(), ...own() }));
    },
  };
}

/** For what happens outside a request (the Worker's config); requests log through `c.var.log`. */
export const logger: Logger = createLogger(() => ({}));

/**
 * The request's id for log lines: Cloudflare's Ray ID, which its dashboard and the client's
 * error page show too, or a random one where there is none (local development, tests).
 */
export function requestIdOf(request: Request): () => string {
  let id: string | undefined;
  return () => {
    id ??= request.headers.get("cf-ray") ?? crypto.randomUUID();
    return id;
  };
}

/** Errors are logged as `Name: message`; their stacks only where a caller adds one. */
function loggable(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? String(value) : value;
  }
  return out;
}

function line(entry: LogFields): string {
  try {
    return JSON.stringify(entry);
  } catch {
    // A field JSON cannot hold (a cycle, a BigInt) must not turn a log call into a failure.
    return JSON.stringify({ level: entry.level, msg: entry.msg, unloggable: true });
  }
}
