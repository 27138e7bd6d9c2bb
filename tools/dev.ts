/**
 * `pnpm dev`: the whole platform on a machine with nothing installed. Embedded Postgres
 * (PGlite over the Postgres protocol) unless DATABASE_URL is set, migrations and demo data,
 * then the API, the job runner, the web app and the edge Worker; one URL to open.
 * Ctrl-C stops the apps first, then the database, so every write reaches the disk.
 */
import { DEMO_USERS } from "@lumen/db/seed";
import { ENABLE_GRADING, sandboxAvailable } from "@lumen/sandbox";
import { formatBanner, redactUrl } from "./dev/banner";
import {
  API_URL,
  DEV_AUTH_SECRET,
  EDGE_URL,
  MAIL_URL,
  PORTS,
  parseDevEnv,
  SMTP_URL,
  WEB_URL,
} from "./dev/config";
import { prepareDatabase } from "./dev/database";
import { prepareDemoCourse } from "./dev/demo";
import { edgeDatabaseArgs } from "./dev/edge-database";
import { busyPorts } from "./dev/ports";
import { type ExitInfo, type ProcessSpec, prefixed, Supervisor } from "./dev/processes";
import { describeFailures, waitForAll } from "./dev/readiness";
import { DEFAULT_DATA_DIR, repoRoot, startPgliteServer } from "./pglite-server";

const lines = (text: string, color: "blue" | "red") =>
  text
    .split("\n")
    .map((line) => `${prefixed("dev", color, line)}\n`)
    .join("");
const log = (text: string) => process.stdout.write(lines(text, "blue"));
const fail = (text: string) => process.stderr.write(lines(text, "red"));

const env = (() => {
  try {
    return parseDevEnv(process.env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
})();

let database: { url: string; label: string; close: () => Promise<void> } | undefined;
let edgeDatabase: Awaited<ReturnType<typeof edgeDatabaseArgs>> | undefined;
let stopping: Promise<never> | undefined;
const stopped = new AbortController();
const supervisor = new Supervisor(
  (exit) => void shutdown(1, `${describeExit(exit)}; stopping everything`),
);

function shutdown(code: number, reason?: string): Promise<never> {
  if (stopping) return stopping;
  if (reason) (code === 0 ? log : fail)(reason);
  stopped.abort();
  stopping = (async () => {
    try {
      await supervisor.stopAll();
      await edgeDatabase?.close();
      await database?.close();
      log("stopped");
    } catch (error) {
      fail(`while stopping: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!stopping) {
      void shutdown(0, `${signal}: stopping…`);
      return;
    }
    // Impatient second Ctrl-C: kill the apps now, still close the database cleanly.
    supervisor.killAll();
  });
}

try {
  const ports = [
    PORTS.api,
    PORTS.web,
    PORTS.edge,
    PORTS.smtp,
    PORTS.mail,
    ...(env.DATABASE_URL ? [] : [env.LUMEN_PGLITE_PORT]),
  ];
  const busy = await busyPorts(ports);
  if (busy.length > 0) {
    await shutdown(
      1,
      `port ${busy.join(", ")} already in use (another \`pnpm dev\`?); stop it and retry`,
    );
  }

  if (env.DATABASE_URL) {
    database = { url: env.DATABASE_URL, label: redactUrl(env.DATABASE_URL), close: async () => {} };
  } else {
    log(`starting PGlite (${DEFAULT_DATA_DIR})`);
    const server = await startPgliteServer({
      dataDir: DEFAULT_DATA_DIR,
      port: env.LUMEN_PGLITE_PORT,
      log: (message) => log(`pglite: ${message}`),
    });
    database = {
      url: server.url,
      label: `PGlite, persisted in .data/pglite, at ${server.url}`,
      close: server.close,
    };
  }
  log("applying migrations and demo data…");
  const seeded = await prepareDatabase(database.url).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`could not migrate and seed ${redactUrl(database?.url ?? "")}: ${why}`);
  });
  log(`database ready (${seeded.usersCreated} users and ${seeded.coursesCreated} courses added)`);
  if (stopping) await stopping;

  edgeDatabase = await edgeDatabaseArgs(database.url);
  for (const spec of processSpecs(database.url, edgeDatabase.args)) supervisor.start(spec);
  const checks = [
    { name: "api", url: `${API_URL}/readyz` },
    { name: "web", url: `${WEB_URL}/` },
    { name: "edge", url: `${EDGE_URL}/healthz` },
    { name: "mail", url: `${MAIL_URL}/api/healthz` },
  ];
  const timeoutMs = env.LUMEN_DEV_READY_TIMEOUT_MS;
  const failures = await waitForAll(checks, { timeoutMs, signal: stopped.signal });
  if (stopping) await stopping;
  if (failures.length > 0) await shutdown(1, describeFailures(failures, timeoutMs));

  const grading = await sandboxAvailable();
  log("preparing the demo course…");
  const demo = await prepareDemoCourse({ apiUrl: API_URL, webUrl: WEB_URL, log }).catch(
    (error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }),
  );
  if (stopping) await stopping;
  process.stdout.write(
    formatBanner({
      webUrl: WEB_URL,
      apiUrl: API_URL,
      edgeUrl: EDGE_URL,
      mailUrl: MAIL_URL,
      database: database.label,
      accounts: DEMO_USERS,
      demo,
      grading: grading.ok ? { ready: true } : { off: grading.reason, enable: ENABLE_GRADING },
    }),
  );
} catch (error) {
  await shutdown(1, `failed: ${error instanceof Error ? error.message : String(error)}`);
}

function processSpecs(databaseUrl: string, edgeArgs: string[]): ProcessSpec[] {
  const apiEnv = {
    ...process.env,
    LUMEN_ENV: "development",
    // On the embedded server, say "postgres" outright: a DATABASE_DRIVER=pglite left in the
    // shell would make the API open a PGlite of its own instead.
    ...(env.DATABASE_URL ? {} : { DATABASE_DRIVER: "postgres" }),
    DATABASE_URL: databaseUrl,
    PORT: String(PORTS.api),
    WEB_ORIGIN: WEB_URL,
    AUTH_SECRET: DEV_AUTH_SECRET,
    SMTP_URL,
  };
  const pnpm = (
    name: string,
    color: ProcessSpec["color"],
    filter: string,
    script: string,
    extra: NodeJS.ProcessEnv,
    scriptArgs: string[] = [],
  ) => ({
    name,
    color,
    command: "pnpm",
    args: ["--silent", "--filter", filter, "run", script, ...scriptArgs],
    cwd: repoRoot,
    env: { ...extra, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}) },
  });
  return [
    pnpm("api", "cyan", "@lumen/api", "dev", apiEnv),
    pnpm("jobs", "magenta", "@lumen/api", "jobs", apiEnv),
    pnpm("web", "green", "@lumen/web", "dev", { ...process.env, LUMEN_API_URL: API_URL }),
    // --persist-to in the script keeps local R2 and KV in .wrangler/state between runs.
    // edgeArgs: the certificate lookup's Postgres fallback (DATABASE_URL, NEON_WS_PROXY).
    pnpm("edge", "yellow", "@lumen/edge", "dev", { ...process.env }, edgeArgs),
    // Mail stays on this machine: maildev keeps it in memory and shows it at MAIL_URL.
    {
      name: "mail",
      color: "blue",
      command: "pnpm",
      args: [
        "--silent",
        "--filter",
        "@lumen/tools",
        "exec",
        "maildev",
        ...["--smtp", String(PORTS.smtp), "--ip", "127.0.0.1"],
        ...["--web", String(PORTS.mail), "--web-ip", "127.0.0.1", "--silent"],
      ],
      cwd: repoRoot,
      env: { ...process.env },
    },
  ];
}

function describeExit({ name, code, signal }: ExitInfo): string {
  if (signal) return `${name} was killed by ${signal}`;
  return code === null ? `${name} could not be started` : `${name} exited with code ${code}`;
}
