import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startNodeChild, waitUntilServing } from "@lumen/tools/child-server";
import { freePort } from "@lumen/tools/net";

const apiDir = fileURLToPath(new URL("../../apps/api", import.meta.url));
const ackServer = fileURLToPath(new URL("./ack-server.ts", import.meta.url));

export type ServerProcess = Awaited<ReturnType<typeof startServerProcess>>;

/**
 * The API's production command line (apps/api `pnpm start`) without `node`: the bench starts
 * the server with the same flags (the V8 young generation size among them: ADR 0029).
 */
function productionArgs(): string[] {
  const manifest: { scripts?: { start?: unknown } } = JSON.parse(
    readFileSync(join(apiDir, "package.json"), "utf8"),
  );
  const start = manifest.scripts?.start;
  if (typeof start !== "string") throw new Error("apps/api has no start script");
  const [command, ...args] = start.split(/\s+/);
  if (command !== "node")
    throw new Error(`apps/api's start script is not a node command: ${start}`);
  return args;
}

/**
 * The real API server (apps/api/src/server.ts) as a child process on loopback, as production
 * runs it (`pnpm start`'s flags). TRUST_PROXY lets the bench give each sign-up its own
 * X-Forwarded-For address, so the per-IP sign-up rate limit does not cap how many learners it
 * can create.
 */
export async function startApiServer(o: {
  databaseUrl: string;
  env?: Record<string, string>;
  /** Extra Node flags, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] to profile the API. */
  nodeArgs?: string[];
}) {
  const port = await freePort();
  return startServerProcess({
    cwd: apiDir,
    args: [...(o.nodeArgs ?? []), ...productionArgs()],
    port,
    env: {
      LUMEN_ENV: "test",
      DATABASE_DRIVER: "postgres",
      DATABASE_URL: o.databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
      ...o.env,
    },
  });
}

/** The no-write HTTP limit (ack-server.ts) as a child process, like the API. */
export async function startAckServer() {
  const port = await freePort();
  return startServerProcess({
    cwd: apiDir,
    args: ["--import", "tsx", ackServer, String(port)],
    port,
    env: {},
  });
}

async function startServerProcess(o: {
  cwd: string;
  args: string[];
  port: number;
  env: Record<string, string>;
}) {
  const server = startNodeChild({
    cwd: o.cwd,
    args: o.args,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...o.env },
    keepChars: 100_000,
  });
  const url = `http://127.0.0.1:${o.port}`;
  await waitUntilServing(`${url}/readyz`, server, Date.now() + 60_000);
  if (server.child.pid === undefined) throw new Error("server process has no pid");
  return { url, pid: server.child.pid, output: server.output, stop: () => server.stop() };
}
