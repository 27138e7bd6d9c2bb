import { createDatabase, type DatabaseClient, migrate } from "@lumen/db";
import { startPgliteServer } from "@lumen/tools/pglite-server";
import { benchDatabase } from "../lib/database";

/**
 * A throwaway database the Worker can reach over the network (through the Neon WebSocket proxy):
 * a new database on BENCH_DATABASE_URL / TEST_DATABASE_URL, else PGlite served over the wire
 * protocol from this process (then fallback figures include PGlite sharing the bench's CPU).
 */
export async function reachableBenchDatabase(): Promise<{
  client: DatabaseClient;
  url: string;
  engine: string;
  dispose(): Promise<void>;
}> {
  if (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) {
    const database = await benchDatabase();
    if (!database.url) throw new Error("benchDatabase returned no URL for Postgres");
    return { ...database, url: database.url };
  }
  const server = await startPgliteServer({ port: 0 });
  const client = createDatabase({ driver: "postgres", url: server.url, maxConnections: 4 });
  await migrate(client);
  return {
    client,
    url: server.url,
    engine: "PGlite (wire server in the bench process)",
    dispose: async () => {
      await client.close();
      await server.close();
    },
  };
}
