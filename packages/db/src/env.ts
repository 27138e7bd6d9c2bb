import { z } from "zod";
import type { DatabaseConfig, DatabaseConnection } from "./client";

/** The database part of an app's environment; each app merges it into its own env schema. */
export const databaseEnvSchema = z.object({
  DATABASE_DRIVER: z.enum(["pglite", "postgres", "neon"]).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** PGlite data directory; unset means in-memory. */
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  /** "ws://host:port" of a WebSocket-to-TCP proxy, for the Neon driver against plain Postgres. */
  NEON_WS_PROXY: z.string().min(1).optional(),
  /**
   * Where the API's live listener holds its LISTEN session, when DATABASE_URL goes through a
   * transaction pooler (Neon's "-pooler" host, PgBouncer) where LISTEN does not work: the
   * direct endpoint. Default: DATABASE_URL.
   */
  LIVE_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
});
export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

/** No URL → embedded PGlite; a URL → node-postgres unless DATABASE_DRIVER says "neon". */
export function databaseConfigFromEnv(env: DatabaseEnv): DatabaseConfig {
  const driver = env.DATABASE_DRIVER ?? (env.DATABASE_URL ? "postgres" : "pglite");
  if (driver === "pglite") return { driver, dataDir: env.PGLITE_DATA_DIR };
  if (!env.DATABASE_URL) throw new Error(`DATABASE_URL is required when DATABASE_DRIVER=${driver}`);
  if (driver === "neon") return { driver, url: env.DATABASE_URL, wsProxy: env.NEON_WS_PROXY };
  return { driver, url: env.DATABASE_URL };
}

/** The connection the live listener uses: LIVE_DATABASE_URL when set, else the app's own. */
export function liveConnectionFromEnv(
  env: DatabaseEnv,
  connection: DatabaseConnection,
): DatabaseConnection {
  if (connection.driver === "pglite" || !env.LIVE_DATABASE_URL) return connection;
  return { driver: connection.driver, url: env.LIVE_DATABASE_URL };
}
