import { listEventPartitions } from "@lumen/core/progress";
import { createTestWorld, type TestWorld } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressPartitionsHandler } from "../src/jobs/progress-partitions";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const context = () => ({ jobId: "job-1", attempt: 0, signal: new AbortController().signal });
const month = (d: Date, k: number) => {
  const at = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1));
  return `progress_events_y${at.getUTCFullYear()}m${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
};

describe("progress.partitions job", () => {
  it("creates the coming months and drops those past PROGRESS_EVENTS_RETENTION_MONTHS", async () => {
    const now = new Date();
    const logged: unknown[] = [];
    // Two years on, keeping six months: every month the migration made is past retention
    // (and empty, so nothing waits for the rollup); the six before it and three ahead exist.
    const later = new Date(Date.UTC(now.getUTCFullYear() + 2, now.getUTCMonth(), 15));
    const handler = progressPartitionsHandler({
      db: world.db,
      env: { PROGRESS_EVENTS_RETENTION_MONTHS: 6 },
      logger: { info: (_message, fields) => logged.push(fields) },
      now: () => later,
    });
    await handler.handle(null, context());
    const names = (await listEventPartitions(world.db)).map((p) => p.name);
    expect(names).toEqual([0, 1, 2, 3].map((k) => month(later, k)));
    expect(names).not.toContain(month(now, 0));
    expect(logged).toHaveLength(1);
  });
});
