import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@lumen/tools/net";

const apiDir = fileURLToPath(new URL("../../apps/api", import.meta.url));
const ackServer = fileURLToPath(new URL("./ack-server.ts", import.meta.url));

export type ServerProcess = Awaited<ReturnType<typeof startServerProcess>>;

/**
 * The real API server (apps/api/src/server.ts) as a child process on loopback, as production
 * runs it. TRUST_PROXY lets the bench give each sign-up its own X-Forwarded-For address, so
 * the per-IP sign-up rate limit does not cap how many learners it can create.
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
    args: [...(o.nodeArgs ?? []), "--import", "tsx", "src/server.ts"],
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
  const child = spawn(process.execPath, o.args, {
    cwd: o.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (d: Buffer) => {
      output = (output + d.toString()).slice(-100_000);
    });
  }
  const url = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited at start-up:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`server not ready after 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  if (child.pid === undefined) throw new Error("server process has no pid");
  return {
    url,
    pid: child.pid,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
