import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const apiDir = fileURLToPath(new URL("../../api", import.meta.url));

interface ApiOptions {
  port: number;
  databaseUrl: string;
  webOrigin: string;
  /** The edge Worker (uploads, playback, media storage); the API's default otherwise. */
  edgeUrl?: string | undefined;
  /**
   * When (epoch ms) the process must be up: the stack's one deadline, so the waits of all its
   * processes together end before vitest's hook timeout, with the logs in the message.
   */
  readyBy?: number | undefined;
  /** Where the API sends mail (a test's own mailbox); otherwise the dev catcher's port. */
  smtpUrl?: string | undefined;
}

/** Signs unsubscribe links in the stack, so a browser test can hold a genuine one. */
export const E2E_EMAIL_TOKEN_SECRET = "e2e-email-token-secret-at-least-32-characters";

// Only what the API needs: a developer's own DATABASE_* and AUTH_* settings must not leak in.
function apiEnv(opts: ApiOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    LUMEN_ENV: "test",
    DATABASE_DRIVER: "postgres",
    HOST: "127.0.0.1",
    PORT: String(opts.port),
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET: "test-secret-at-least-32-characters-long",
    EMAIL_TOKEN_SECRET: E2E_EMAIL_TOKEN_SECRET,
    WEB_ORIGIN: opts.webOrigin,
    LOG_LEVEL: "warn",
    // Browsers and the job runner reach the same local edge.
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    ...(opts.edgeUrl ? { EDGE_URL: opts.edgeUrl, EDGE_PUBLIC_URL: opts.edgeUrl } : {}),
  };
}

/** A TypeScript entry point of apps/api as a child process, with its recent output kept. */
function startNode(script: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: apiDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return { child, output: () => output, stop: () => stopProcess(child) };
}

/** The real API (apps/api/src/server.ts), ready once /healthz answers. */
export async function startApi(opts: ApiOptions) {
  const url = `http://127.0.0.1:${opts.port}`;
  const api = startNode("src/server.ts", apiEnv(opts));
  try {
    await waitUntilReady(`${url}/healthz`, api.child, api.output, deadlineOf(opts));
  } catch (error) {
    await api.stop();
    throw error;
  }
  return { url, stop: api.stop, output: api.output };
}

/**
 * The job runner (apps/api/src/jobs/main.ts) with the API's environment: it indexes
 * published courses for search. It has no port: it is up once it logs "job runner started"
 * (after its queues are subscribed), and a crash before that fails the stack.
 */
export async function startJobRunner(opts: ApiOptions) {
  // Info level for the start-up line the readiness check reads.
  const runner = startNode("src/jobs/main.ts", { ...apiEnv(opts), LOG_LEVEL: "info" });
  try {
    await waitForLine(/"msg":"job runner started"/, runner.child, runner.output, deadlineOf(opts));
  } catch (error) {
    await runner.stop();
    throw error;
  }
  return { stop: runner.stop, output: runner.output };
}

async function waitForLine(
  pattern: RegExp,
  child: ChildProcess,
  output: () => string,
  deadline: number,
) {
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`job runner not up by its deadline:\n${output()}`));
    }, deadline - Date.now());
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-8000);
      if (!pattern.test(seen)) return;
      finish();
      resolve();
    };
    const onExit = (code: number | null) => {
      finish();
      reject(new Error(`job runner exited with ${String(code)} at start-up:\n${output()}`));
    };
    function finish() {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
    }
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

/** A deadline, not a wait: on a busy shared 2-core machine the API's cold start (tsx) passed 30 s. */
const READY_TIMEOUT_MS = 90_000;

const deadlineOf = (opts: ApiOptions) => opts.readyBy ?? Date.now() + READY_TIMEOUT_MS;

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
  deadline: number,
) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`API exited with ${child.exitCode} before it was ready:\n${output()}`);
    }
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`API not ready at ${url} by its deadline:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
