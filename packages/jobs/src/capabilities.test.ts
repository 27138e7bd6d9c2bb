import { runnerCapabilities } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  CAPABILITY_STALE_MS,
  type CapabilityHeartbeat,
  capabilityUnavailableReason,
  startCapabilityHeartbeat,
} from "./capabilities";

let database: TestDatabase;
const started: CapabilityHeartbeat[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((h) => h.stop()));
});
afterAll(() => database.close());

async function runner(available: boolean, reason: string | null = null, intervalMs?: number) {
  const heartbeat = await startCapabilityHeartbeat({
    db: database.db,
    reports: [{ capability: "video", available, reason }],
    intervalMs,
  });
  started.push(heartbeat);
  return heartbeat;
}

/** What a runner killed with -9 leaves behind: its row, no longer refreshed. */
async function diesSilently(heartbeat: CapabilityHeartbeat) {
  started.splice(started.indexOf(heartbeat), 1);
  await database.db
    .update(runnerCapabilities)
    .set({
      heartbeatAt: sql`now() - make_interval(secs => ${(CAPABILITY_STALE_MS + 1000) / 1000})`,
    })
    .where(eq(runnerCapabilities.runnerId, heartbeat.runnerId));
}

const reason = () => capabilityUnavailableReason(database.db, "video");

describe("runner capabilities", () => {
  it("knows nothing is wrong while no runner reports on video at all", async () => {
    expect(await reason()).toBeNull();
  });

  it("gives the reason while the only live runner cannot process video", async () => {
    await runner(false, "FFmpeg is not installed.");
    expect(await reason()).toBe("FFmpeg is not installed.");
  });

  it("is available as soon as one live runner can, whatever the others say", async () => {
    await runner(false, "FFmpeg 4.1 failed its self-test.");
    await runner(true);
    await runner(false, "FFmpeg is not installed.");
    expect(await reason()).toBeNull();
  });

  it("ignores a healthy runner that died, so held jobs are explained again", async () => {
    const healthy = await runner(true);
    await runner(false, "FFmpeg is not installed.");
    await diesSilently(healthy);
    expect(await reason()).toBe("FFmpeg is not installed.");
  });

  it("ignores a broken runner that died once nothing live reports", async () => {
    await diesSilently(await runner(false, "FFmpeg is not installed."));
    expect(await reason()).toBeNull();
  });

  it("forgets a runner's rows when it stops cleanly", async () => {
    const broken = await runner(false, "FFmpeg is not installed.");
    await broken.stop();
    started.splice(started.indexOf(broken), 1);
    expect(await reason()).toBeNull();
  });

  it("keeps refreshing its heartbeat while it runs", async () => {
    const live = await runner(false, "FFmpeg is not installed.", 50);
    const beatOf = async () => {
      const [row] = await database.db
        .select({ at: runnerCapabilities.heartbeatAt })
        .from(runnerCapabilities)
        .where(eq(runnerCapabilities.runnerId, live.runnerId));
      return row?.at.getTime() ?? 0;
    };
    const first = await beatOf();
    await vi.waitFor(async () => expect(await beatOf()).toBeGreaterThan(first), {
      timeout: 5_000,
      interval: 50,
    });
  });
});
