import { databaseFailureOf, isFailedStatement } from "@lumen/db";

type Level = "debug" | "info" | "warn" | "error";
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** One JSON object per line on stdout: what log shippers expect, greppable locally. */
export function createLogger(
  options: { level?: Level; base?: Record<string, unknown>; write?: (line: string) => void } = {},
): Logger {
  const min = RANK[options.level ?? "info"];
  const base = options.base ?? {};
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log =
    (level: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (RANK[level] < min) return;
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          level,
          msg,
          ...base,
          ...serialize(fields),
        }),
      );
    };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  };
}

function serialize(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = loggable(value, 0);
  return out;
}

/** How deep errors, their causes and the arrays/objects holding them are followed. */
const MAX_DEPTH = 5;

/**
 * Errors become plain objects wherever they sit (a field, an array of better-auth's log
 * arguments, a cause), and a failed statement never writes its parameter values: drizzle's
 * message lists them and Postgres messages and details can quote them, so such an error is
 * logged as its SQLSTATE, table, constraint, routine and query text only (databaseFailureOf).
 */
function loggable(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return "[too deep]";
  if (value instanceof Error) return errorFields(value, depth);
  if (Array.isArray(value)) return value.map((item) => loggable(item, depth + 1));
  if (value !== null && typeof value === "object" && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = loggable(item, depth + 1);
    return out;
  }
  return value;
}

function errorFields(error: Error, depth: number): Record<string, unknown> {
  const frames = stackFrames(error.stack);
  if (isFailedStatement(error)) {
    return {
      name: error.name,
      message: "database statement failed",
      database: databaseFailureOf(error),
      stack: frames,
    };
  }
  const message = withoutParams(error.message);
  return {
    name: error.name,
    message,
    stack: `${error.name}: ${message}\n${frames}`,
    cause: error.cause === undefined ? undefined : loggable(error.cause, depth + 1),
  };
}

/** The `at …` lines of a stack, without the message lines at its top. */
function stackFrames(stack: string | undefined): string {
  return (stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}

/**
 * A message that quoted a failed statement's (`${error.message}` in a wrapper's message)
 * ends where drizzle's parameter list begins.
 */
function withoutParams(message: string): string {
  const at = message.indexOf("\nparams: ");
  return at === -1 ? message : `${message.slice(0, at)}\nparams: [not logged]`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
