/**
 * Runs the proxy on its own, e.g. for the API with DATABASE_DRIVER=neon against local Postgres:
 *   pnpm --filter @lumen/tools neon-ws-proxy --port 5488 --allow 5432
 * then NEON_WS_PROXY=127.0.0.1:5488.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { startNeonWsProxy } from "./proxy";

const port = z
  .string()
  .regex(/^\d{1,5}$/, "expected a port number")
  .transform(Number)
  .pipe(z.number().max(65_535));
const argsSchema = z.object({
  port,
  allow: z
    .string()
    .transform((list) => list.split(",").map((p) => p.trim()))
    .pipe(z.array(port.pipe(z.number().min(1))).min(1)),
});

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "5488" },
    allow: { type: "string", default: "5432" },
  },
  strict: true,
});
const args = argsSchema.safeParse(values);
if (!args.success) {
  console.error(
    `usage: neon-ws-proxy [--port 5488] [--allow 5432,5433]\n${z.prettifyError(args.error)}`,
  );
  process.exit(2);
}

const proxy = await startNeonWsProxy({
  port: args.data.port,
  allowedTargets: args.data.allow,
  log: (message) => console.log(`[neon-ws-proxy] ${message}`),
});
console.log(
  `[neon-ws-proxy] listening on ${proxy.url}, loopback ports ${args.data.allow.join(", ")}`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void proxy.close().then(() => process.exit(0));
  });
}
