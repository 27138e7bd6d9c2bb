import { createTestWorld, type TestWorld } from "@lumen/core/testing";
import { createJobQueue, type JobRunner, purgeCatalogJob, startJobRunner } from "@lumen/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { purgeEdgeHandler } from "../src/jobs/purge-edge";
import { createLogger } from "../src/logger";
import { standInEdge } from "./stand-in-edge";

// The purge job's retries as the job runner really runs them: pg-boss on this file's own
// database, purgeCatalogJob's own retry policy, and an edge that fails the first attempt.
let world: TestWorld;
let runner: JobRunner | undefined;

beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(async () => {
  await runner?.stop(5_000);
  await world.close();
});

const SECRET = "test-internal-secret-that-is-long-enough";
const payload = { courseId: "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a", slug: "retried-course" };

const logLine = z
  .object({ time: z.iso.datetime(), msg: z.string(), attempt: z.number().optional() })
  .loose();
type LogLine = z.infer<typeof logLine>;

/** The runner's log as parsed lines, and the first line that `matches`, once written. */
function capturingLogger(matches: (line: LogLine) => boolean) {
  const lines: LogLine[] = [];
  let found: (line: LogLine) => void = () => {};
  const first = new Promise<LogLine>((resolve) => {
    found = resolve;
  });
  const logger = createLogger({
    write: (raw) => {
      const line = logLine.parse(JSON.parse(raw));
      lines.push(line);
      if (matches(line)) found(line);
    },
  });
  return { logger, lines, first };
}

/** `promise`, or a failure after `ms` that shows what the runner logged meanwhile. */
function within<T>(ms: number, promise: Promise<T>, log: () => unknown): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`not within ${ms} ms: ${JSON.stringify(log())}`)),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

describe("purge-edge job retries (pg-boss runner, a stand-in edge that fails once)", () => {
  it("a purge the edge fails is retried after a backoff and completes once the edge takes it", async () => {
    let requests = 0;
    const edge = await standInEdge(() => {
      requests += 1;
      return requests === 1
        ? { status: 500, body: { error: { code: "internal_error", message: "KV write failed" } } }
        : { status: 200, body: { version: "1765000000000", ...payload } };
    });
    const { logger, lines, first } = capturingLogger((line) => line.msg === "job done");
    runner = await startJobRunner({
      queue: createJobQueue(world.database.connection),
      handlers: [
        purgeEdgeHandler({ env: { EDGE_URL: edge.url, EDGE_INTERNAL_SECRET: SECRET }, logger }),
      ],
      logger,
      pollingIntervalSeconds: 0.5,
    });

    await world.db.transaction((tx) => world.outbox.enqueue(tx, purgeCatalogJob, payload));
    const done = await within(20_000, first, () => lines);

    expect(done.attempt).toBe(1);
    const failed = lines.filter((line) => line.msg === "job failed");
    expect(failed).toEqual([
      expect.objectContaining({
        attempt: 0,
        err: expect.objectContaining({ message: expect.stringContaining("edge answered 500") }),
      }),
    ]);
    const retried = lines.find((line) => line.msg === "job started" && line.attempt === 1);
    // purgeCatalogJob backs off at least 2 s before the first retry (pg-boss adds jitter above).
    const waitedMs = Date.parse(retried?.time ?? "") - Date.parse(failed[0]?.time ?? "");
    expect(waitedMs).toBeGreaterThanOrEqual(1_900);
    expect(edge.received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: "POST", url: "/internal/catalog/purge", body: payload },
      { method: "POST", url: "/internal/catalog/purge", body: payload },
    ]);
    expect(lines.filter((line) => line.msg === "edge catalog purged")).toHaveLength(1);
  });
});
