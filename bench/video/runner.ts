import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type Database, runnerCapabilities } from "@lumen/db";
import { VIDEO_PROCESSING } from "@lumen/jobs";
import { eq } from "drizzle-orm";

const apiDir = fileURLToPath(new URL("../../apps/api", import.meta.url));

/** The real job runner (apps/api/src/jobs/main.ts) as a child process, as production runs it. */
export async function startRunnerProcess(o: {
  databaseUrl: string;
  edgeUrl: string;
  /** More of the runner's environment (GRADER_CONCURRENCY, …). */
  env?: Record<string, string>;
}) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/jobs/main.ts"], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LUMEN_ENV: "test",
      DATABASE_DRIVER: "postgres",
      DATABASE_URL: o.databaseUrl,
      EDGE_URL: o.edgeUrl,
      LOG_LEVEL: "warn",
      // `FFMPEG_PATH=… FFPROBE_PATH=… pnpm bench video` measures another build (the npm one).
      ...(process.env.FFMPEG_PATH ? { FFMPEG_PATH: process.env.FFMPEG_PATH } : {}),
      ...(process.env.FFPROBE_PATH ? { FFPROBE_PATH: process.env.FFPROBE_PATH } : {}),
      ...o.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (d: Buffer) => {
      output = (output + d.toString()).slice(-200_000);
    });
  }
  await new Promise((r) => setTimeout(r, 2_000));
  if (child.exitCode !== null || child.pid === undefined) {
    throw new Error(`job runner exited at start-up:\n${output}`);
  }
  const pid = child.pid;
  return {
    pid,
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

/**
 * Waits until the runner's FFmpeg passed its start-up self-test and it serves the video queues
 * (its capability row says so), so the first run's timings do not include the self-test.
 */
export function waitForVideoRunner(
  db: Database,
  runner: { output(): string },
  timeoutMs = 120_000,
) {
  return waitForCapability(db, VIDEO_PROCESSING, runner, timeoutMs);
}

/** Waits until the runner reports `capability` available; throws with its reason if not. */
export async function waitForCapability(
  db: Database,
  capability: string,
  runner: { output(): string },
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db
      .select({ available: runnerCapabilities.available, reason: runnerCapabilities.reason })
      .from(runnerCapabilities)
      .where(eq(runnerCapabilities.capability, capability));
    if (rows.some((r) => r.available)) return;
    const broken = rows.find((r) => !r.available);
    if (broken) throw new Error(`the job runner cannot do ${capability}: ${broken.reason}`);
    if (Date.now() > deadline) throw new Error(`job runner not ready:\n${runner.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
