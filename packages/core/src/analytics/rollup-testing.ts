import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { ROLLUP_TABLES } from "./rebuild";

/**
 * Every rollup table as sorted JSON rows, for comparing the incremental rollup with the
 * rebuild. Cursors: only the log positions (the state cursor and "as of" are clock times).
 */
export async function snapshotRollups(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of ROLLUP_TABLES) {
    const { rows } = await db.execute<{ row: string }>(
      table === "analytics_cursors"
        ? sql`select json_build_array(source, position)::text as row from analytics_cursors
            where source <> 'enrollment_state'`
        : sql`select row_to_json(t)::text as row from ${sql.identifier(table)} t`,
    );
    snapshot[table] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}

/** Empties the rollup tables, as before the first run. */
export async function truncateRollups(db: Database) {
  await db.execute(sql.raw(`truncate ${ROLLUP_TABLES.join(", ")}`));
}
