import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { saveExercise, submitCode, takeExercise } from "@lumen/core/exercise";
import type { SessionUser } from "@lumen/core/kernel";
import {
  addLessonOfKind,
  createCourse,
  createEnrollment,
  createTestWorld,
  createUser,
  SUM_RIGHT,
  sumExercise,
  type TestWorld,
} from "@lumen/core/testing";
import { courseMilestones, exerciseSubmissions } from "@lumen/db";
import {
  createJobQueue,
  type JobRunner,
  startCapabilityHeartbeat,
  startJobRunner,
} from "@lumen/jobs";
import { leftoverSandboxes, requireSandbox } from "@lumen/sandbox/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiEnv } from "../src/env";
import { checkGradingCapability } from "../src/jobs/grading-capability";
import { jobHandlers } from "../src/jobs/handlers";
import { createLogger } from "../src/logger";
import {
  databaseForProcesses,
  type RunnerProcess,
  startRunnerProcess,
  until,
} from "./video-pipeline-processes";

// The grader as it runs: job runners (in this process, and real runner processes) on one
// database, grading in the real gVisor sandbox.
let world: TestWorld;
let databaseUrl: string;
let dir: string;
const stops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  await requireSandbox();
  dir = await mkdtemp(join(tmpdir(), "lumen-grader-"));
  const reachable = await databaseForProcesses();
  databaseUrl = reachable.url;
  world = await createTestWorld({ database: reachable });
}, 120_000);
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await world?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A published course with the sum exercise (reference already proven is not needed here). */
async function exerciseWithLearner(overrides: Parameters<typeof sumExercise>[1] = {}) {
  const owner = await createUser(world.db, "instructor");
  const course = await createCourse(world.db, owner);
  const lesson = await addLessonOfKind(world.db, course.id, "exercise");
  await saveExercise({
    db: world.db,
    user: owner,
    outbox: world.outbox,
    input: sumExercise(lesson.id, { referenceSolution: "", ...overrides }),
  });
  const learner = await createUser(world.db);
  const enrollment = await createEnrollment(world.db, learner, course.id);
  return { lessonId: lesson.id, owner, learner, enrollmentId: enrollment.id };
}

function submit(user: SessionUser, lessonId: string, code: string) {
  return submitCode({
    db: world.db,
    user,
    outbox: world.outbox,
    input: { lessonId, submissionId: randomUUID(), purpose: "submit", code },
  });
}

async function submissionRow(id: string) {
  const [row] = await world.db
    .select()
    .from(exerciseSubmissions)
    .where(eq(exerciseSubmissions.id, id));
  if (!row) throw new Error(`submission ${id} is gone`);
  return row;
}

/** A runner in this process, as jobs/main.ts starts one, with the sandbox options given. */
async function startRunner(sandbox: { runsc?: string }) {
  const logs: string[] = [];
  const logger = createLogger({ level: "info", write: (line) => logs.push(line) });
  const grading = await checkGradingCapability({ logger, sandbox });
  const heartbeat = await startCapabilityHeartbeat({ db: world.db, reports: [grading.report] });
  const runner: JobRunner = await startJobRunner({
    queue: createJobQueue(world.database.connection),
    handlers: jobHandlers({
      db: world.db,
      env: parseApiEnv({ LUMEN_ENV: "test" }),
      logger,
      search: world.search,
      outbox: world.outbox,
      media: world.media,
      ffmpeg: null,
      grading: grading.available,
    }),
    logger,
    pollingIntervalSeconds: 0.5,
  });
  const stop = async () => {
    await runner.stop(5_000);
    await heartbeat.stop();
  };
  stops.push(stop);
  return { logs, stop };
}

describe("grading fails closed", () => {
  it("a runner without a sandbox leaves submissions queued and says why; a runner with one grades them", async () => {
    const { lessonId, owner, learner } = await exerciseWithLearner();
    const blind = await startRunner({ runsc: join(dir, "no-runsc-here") });
    expect(blind.logs.join("\n")).toMatch(
      /code grading off: runsc \(gVisor\) not found; to enable it, install gVisor \(apt-get install runsc\)/,
    );
    // The runner serves its other queues but not the grader's.
    const started = blind.logs.find((line) => line.includes("job runner started")) ?? "";
    expect(started).toContain("search.index-course");
    expect(started).not.toContain("exercises.grade");

    const { submission } = await submit(learner, lessonId, SUM_RIGHT);
    expect(submission.waitingReason).toBe(
      "Grading is paused: the grader cannot run code right now. Your code waits in the queue and is graded as soon as it can.",
    );
    const taken = await takeExercise({ db: world.db, user: learner, input: { lessonId } });
    expect(taken.submissions[0]).toMatchObject({
      status: "queued",
      waitingReason: expect.stringContaining("Your code waits in the queue"),
    });
    // The course's editors see the runner's reason with their reference check.
    const edited = await saveExercise({
      db: world.db,
      user: owner,
      outbox: world.outbox,
      input: sumExercise(lessonId),
    });
    expect(edited.referenceCheck?.waitingReason).toBe(
      "Grading is paused: no job runner can start its sandbox (runsc (gVisor) not found). The check waits in the queue.",
    );
    await blind.stop();

    const capable = await startRunner({});
    await until(
      "the submission graded by the runner that can",
      async () => (await submissionRow(submission.submissionId)).status === "graded",
      60_000,
    );
    expect(await submissionRow(submission.submissionId)).toMatchObject({
      passed: true,
      scorePercent: 100,
    });
    await capable.stop();
  }, 120_000);
});

describe("a grader killed mid-run", () => {
  it("loses no submission: another runner grades it, exactly once", async () => {
    const { lessonId, learner, enrollmentId } = await exerciseWithLearner({ timeLimitMs: 5_000 });
    // Busy for 1.5 s per test (3 tests), then right: long enough to kill the grader mid-run.
    const slow = `import time\nt = time.time()\nwhile time.time() - t < 1.5:\n    pass\n${SUM_RIGHT}`;
    const runners: RunnerProcess[] = [];
    const spawnRunner = () => {
      const runner = startRunnerProcess({
        databaseUrl,
        edgeUrl: "http://127.0.0.1:9",
        tmpDir: dir,
      });
      runners.push(runner);
      stops.push(() => runner.stop());
      return runner;
    };
    const first = spawnRunner();
    const { submission } = await submit(learner, lessonId, slow);
    await until(
      "the first runner grading",
      async () => (await submissionRow(submission.submissionId)).status === "grading",
      60_000,
      first.output,
    );
    const runnerPid = first.child.pid ?? -1;
    // gVisor starts in about a second; a 2-core machine running other test passes takes longer.
    await until(
      "its sandbox up",
      async () => (await leftoverSandboxes(runnerPid)).length > 0,
      30_000,
      first.output,
    );
    await first.kill();
    expect((await submissionRow(submission.submissionId)).status).toBe("grading");
    // Its sandboxes died with it (they are its children, killed with its process group).
    await until(
      "no sandbox left behind",
      async () => (await leftoverSandboxes(runnerPid)).length === 0,
      10_000,
    );

    const second = spawnRunner();
    await until(
      "the submission graded by the second runner",
      async () => (await submissionRow(submission.submissionId)).status === "graded",
      90_000,
      second.output,
    );
    const graded = await submissionRow(submission.submissionId);
    expect(graded).toMatchObject({ passed: true, scorePercent: 100 });
    const gradeJobs = async () =>
      (
        await world.db.execute<{ state: string; retry_count: number }>(
          sql`select state, retry_count from pgboss.job
              where name = 'exercises.grade' and data->>'submissionId' = ${submission.submissionId}`,
        )
      ).rows;
    // The row says graded before the handler returns and pg-boss completes the job.
    await until(
      "the grading job completed",
      async () => (await gradeJobs()).every((job) => job.state === "completed"),
      30_000,
      second.output,
    );
    const rows = await gradeJobs();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.retry_count)).toBeGreaterThanOrEqual(1);
    const milestones = await world.db
      .select()
      .from(courseMilestones)
      .where(eq(courseMilestones.enrollmentId, enrollmentId));
    expect(milestones.filter((m) => m.percent === 100)).toHaveLength(1);
  }, 180_000);
});
