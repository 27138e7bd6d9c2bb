import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * How many of the acknowledged event ids are NOT in progress_events (must be 0). The log has
 * no index on the id alone (ADR 0029): the ids go into a temporary table and one hash join
 * reads the log once.
 */
export async function countLost(databaseUrl: string, acknowledged: readonly string[]) {
  const unique = [...new Set(acknowledged)];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("create temporary table acknowledged (event_id uuid not null)");
    const lines = function* () {
      for (let i = 0; i < unique.length; i += 10_000) {
        yield `${unique.slice(i, i + 10_000).join("\n")}\n`;
      }
    };
    await pipeline(
      Readable.from(lines()),
      client.query(copyFrom("copy acknowledged (event_id) from stdin")),
    );
    const { rows } = await client.query<{ n: number }>(
      "select count(distinct a.event_id)::int as n from acknowledged a " +
        "join progress_events e on e.event_id = a.event_id",
    );
    return unique.length - (rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** Committed transactions of one database so far (pg_stat_database, all backends). */
export async function commitsSoFar(client: pg.Client, database: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    "select xact_commit::text as n from pg_stat_database where datname = $1",
    [database],
  );
  return Number(rows[0]?.n ?? 0);
}
