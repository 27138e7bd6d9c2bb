import { fileURLToPath } from "node:url";
import { startNodeChild, waitForOutput, waitUntilServing } from "@lumen/tools/child-server";

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
  const proc = startNodeChild({
    cwd: apiDir,
    args: ["--import", "tsx", script],
    env,
    keepChars: 8000,
  });
  return { child: proc.child, output: proc.output, stop: () => proc.stop(5_000), proc };
}

/** The real API (apps/api/src/server.ts), ready once /healthz answers. */
export async function startApi(opts: ApiOptions) {
  const url = `http://127.0.0.1:${opts.port}`;
  const api = startNode("src/server.ts", apiEnv(opts));
  await waitUntilServing(`${url}/healthz`, api.proc, deadlineOf(opts), "API");
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
    await waitForOutput(/"msg":"job runner started"/, runner.proc, deadlineOf(opts), "job runner");
  } catch (error) {
    await runner.stop();
    throw error;
  }
  return { stop: runner.stop, output: runner.output };
}

/** A deadline, not a wait: on a busy shared 2-core machine the API's cold start (tsx) passed 30 s. */
const READY_TIMEOUT_MS = 90_000;

const deadlineOf = (opts: ApiOptions) => opts.readyBy ?? Date.now() + READY_TIMEOUT_MS;
