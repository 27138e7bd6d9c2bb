/**
 * What may be said about a failed statement: the SQLSTATE and where it failed, never the
 * values it was given. Postgres messages and details can quote values (`invalid input syntax
 * for type uuid: "…"`, `Key (email)=(…)`), and drizzle's message lists every parameter, so
 * neither is kept.
 */
export interface DatabaseFailure {
  /** SQLSTATE, e.g. "22021". */
  code: string;
  severity?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  /** The Postgres C function that raised it, e.g. "report_invalid_encoding". */
  routine?: string;
  /** The statement with its `$n` placeholders (cut to 2,000 characters); no values. */
  query?: string;
}

const FIELDS = ["severity", "schema", "table", "column", "constraint", "routine"] as const;
const QUERY_MAX = 2_000;

/**
 * The Postgres failure inside `error`, or null when there is none. node-postgres, PGlite and
 * Neon's driver all throw an error with `code` (the SQLSTATE) and `severity`; drizzle wraps it
 * in a DrizzleQueryError (`query`, `params`) as `cause`. Any depth of `cause` is searched.
 */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  let query: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    const fields = current as Error & Record<string, unknown>;
    if (query === undefined && typeof fields.query === "string") {
      query = fields.query.slice(0, QUERY_MAX);
    }
    if (isSqlState(fields.code) && typeof fields.severity === "string") {
      const failure: DatabaseFailure = { code: fields.code };
      for (const field of FIELDS) {
        const value = fields[field];
        if (typeof value === "string" && value !== "") failure[field] = value;
      }
      if (query !== undefined) failure.query = query;
      return failure;
    }
    current = current.cause;
  }
  return null;
}

/**
 * True when `error` itself is a failed statement: drizzle's wrapper (`query` and `params`) or
 * a driver's Postgres error (`code` and `severity`). Its message and other fields may carry
 * parameter values; describe it with databaseFailureOf instead.
 */
export function isFailedStatement(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const fields = error as Error & Record<string, unknown>;
  return (
    (typeof fields.query === "string" && Array.isArray(fields.params)) ||
    (isSqlState(fields.code) && typeof fields.severity === "string")
  );
}

function isSqlState(code: unknown): code is string {
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}

/**
 * Failures that mean "this text can't be stored": the client's bad input, not a server fault.
 * 22021 character_not_in_repertoire (U+0000 in text), 22P05 untranslatable_character (\u0000
 * in JSON), 22001 string_data_right_truncation (too long for a column), and 22P02 raised by
 * Postgres's JSON parser: the JSON we send is always well-formed (JSON.stringify), so its
 * only complaint can be an escaped lone surrogate. Other 22P02s (a bad uuid cast) are left
 * alone: those are our own bugs.
 */
export function isUnstorableText(failure: DatabaseFailure): boolean {
  if (failure.code === "22P02") return failure.routine?.startsWith("json_") ?? false;
  return failure.code === "22021" || failure.code === "22P05" || failure.code === "22001";
}
