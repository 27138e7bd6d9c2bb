import pg from "pg";

/** How many of the acknowledged event ids are NOT in progress_events (must be 0). */
export async function countLost(databaseUrl: string, acknowledged: readonly string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let found = 0;
    const chunk = 20_000;
    for (let i = 0; i < acknowledged.length; i += chunk) {
      const ids = acknowledged.slice(i, i + chunk);
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from progress_events where event_id = any($1::uuid[])",
        [ids],
      );
      found += rows[0]?.n ?? 0;
    }
    return new Set(acknowledged).size - found;
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
