import { type NeonWsProxy, startNeonWsProxy } from "../neon-ws-proxy";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * What the edge Worker needs to read certificates from Postgres when KV misses: DATABASE_URL,
 * and for a local Postgres (PGlite or an installed one) a Neon WebSocket proxy in front of it,
 * since the Worker can only reach Postgres through the Neon driver. Returned as `wrangler dev`
 * arguments (`--var` overrides wrangler.toml) plus a close() for shutdown.
 */
export async function edgeDatabaseArgs(
  databaseUrl: string,
): Promise<{ args: string[]; close(): Promise<void> }> {
  const url = new URL(databaseUrl);
  const args = ["--var", `DATABASE_URL:${databaseUrl}`];
  if (!LOOPBACK.has(url.hostname)) return { args, close: async () => {} };
  const proxy: NeonWsProxy = await startNeonWsProxy({
    allowedTargets: [Number(url.port || 5432)],
  });
  args.push("--var", `NEON_WS_PROXY:${proxy.address}`);
  return { args, close: () => proxy.close() };
}
