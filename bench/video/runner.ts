import { fileURLToPath } from "node:url";
import { type Database, runnerCapabilities } from "@lumen/db";
import { VIDEO_PROCESSING } from "@lumen/jobs";
import { type NodeChild, startNodeChild, waitUntilUp } from "@lumen/tools/child-server";
import { eq } from "drizzle-orm";

const apiDir = fileURLToPath(new URL("../../apps/api", import.meta.url));

/**
 * The real job runner (apps/api/src/jobs/main.ts) as a child process, as production runs it.
 * It is up once its capability row says so (`waitForCapability`), which fails at once if it
 * exits first. Not in a group of its own: Ctrl-C on the bench reaches it too.
 */
export function startRunnerProcess(o: {
  databaseUrl: string;
  edgeUrl: string;
  /** More of the runner's environment (GRADER_CONCURRENCY, …). */
  env?: Record<string, string>;
}) {
  const runner = startNodeChild({
    cwd: apiDir,
    args: ["--import", "tsx", "src/jobs/main.ts"],
    keepChars: 200_000,
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
  });
  const pid = runner.child.pid;
  if (pid === undefined) throw new Error(`job runner did not start:\n${runner.output()}`);
  return { ...runner, pid };
}

/**
 * Waits until the runner's FFmpeg passed its start-up self-test and it serves the video queues
 * (its capability row says so), so the first run's timings do not include the self-test.
 */
export function waitForVideoRunner(db: Database, runner: NodeChild, timeoutMs = 120_000) {
  return waitForCapability(db, VIDEO_PROCESSING, runner, timeoutMs);
}

/**
 * Waits until the runner reports `capability` available; throws with its reason if not, and
 * with its output if it exits or is not ready by the deadline. Whatever the failure, the
 * runner is stopped first: a bench that throws here leaves no runner behind.
 */
export function waitForCapability(
  db: Database,
  capability: string,
  runner: NodeChild,
  timeoutMs = 120_000,
) {
  const available = async () => {
    const rows = await db
      .select({ available: runnerCapabilities.available, reason: runnerCapabilities.reason })
      .from(runnerCapabilities)
      .where(eq(runnerCapabilities.capability, capability));
    if (rows.some((r) => r.available)) return true;
    const broken = rows.find((r) => !r.available);
    if (broken) throw new Error(`the job runner cannot do ${capability}: ${broken.reason}`);
    return false;
  };
  return waitUntilUp(runner, Date.now() + timeoutMs, "job runner", available, 250).catch(
    async (error: unknown) => {
      await runner.stop();
      throw error;
    },
  );
}
