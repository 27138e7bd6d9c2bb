import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { casing, type Database, type QueryRows } from "./client";

const dialect = new PgDialect({ casing });

/**
 * Runs raw SQL as a named prepared statement on a database or transaction handle: on
 * Postgres and Neon each connection parses and plans it once (Postgres settles on a generic
 * plan after five runs) instead of on every call; PGlite runs it as usual. For hot statements
 * whose text is fixed (only parameter values change): a named statement whose text differs
 * between calls is refused by the driver, so never build its text from input.
 */
export async function executeNamed<Row extends Record<string, unknown>>(
  handle: Pick<Database, "_">,
  name: string,
  query: SQL,
): Promise<QueryRows<Row>> {
  const prepared = handle._.session.prepareQuery<{
    execute: QueryRows<Row>;
    all: unknown;
    values: unknown;
  }>(dialect.sqlToQuery(query), undefined, name, false);
  return prepared.execute();
}
