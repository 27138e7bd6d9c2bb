import { randomUUID } from "node:crypto";
import { progressEvents } from "@lumen/db";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiProcess,
  enrolledLesson,
  processDatabase,
  signInLearner,
  startApiProcess,
  WEB_ORIGIN,
} from "./api-process";

let database: Awaited<ReturnType<typeof processDatabase>>;
let api: ApiProcess | undefined;

beforeAll(async () => {
  database = await processDatabase();
});
afterAll(async () => {
  await api?.kill();
  await database?.close();
});

function batch(enrollmentId: string, lessonId: string, size: number) {
  return Array.from({ length: size }, (_, i) => ({
    eventId: randomUUID(),
    enrollmentId,
    lessonId,
    watched: [],
    positionSeconds: i,
    completed: false,
    occurredAt: Date.now(),
  }));
}

/** POST /trpc/progress.record as the player does; how many events the API acknowledged. */
async function record(url: string, cookie: string, events: ReturnType<typeof batch>) {
  const res = await fetch(`${url}/trpc/progress.record`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN, cookie },
    body: JSON.stringify({ events }),
  });
  if (!res.ok) throw new Error(`progress.record: ${res.status} ${await res.text()}`);
  const { result } = (await res.json()) as {
    result: { data: { accepted: number; duplicates: number; rejected: unknown[] } };
  };
  expect(result.data.rejected).toEqual([]);
  // Written now, or already written before (a resend): acknowledged either way.
  return result.data.accepted + result.data.duplicates;
}

async function storedOf(ids: string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < ids.length; i += 1_000) {
    const rows = await database.db
      .select({ id: progressEvents.eventId })
      .from(progressEvents)
      .where(inArray(progressEvents.eventId, ids.slice(i, i + 1_000)));
    for (const row of rows) stored.add(row.id);
  }
  return stored;
}

describe("the API killed with -9 in the middle of progress batches", () => {
  // Two cold starts of the API (tsx) and ~800 events: well past the 30 s default when busy.
  it("loses no acknowledged event, and the unacknowledged ones are stored once when resent", {
    timeout: 120_000,
  }, async () => {
    const { enrollmentId, lessonId } = await enrolledLesson(database.db);
    api = await startApiProcess(database.url);
    const port = Number(new URL(api.url).port);
    const cookie = await signInLearner(api.url);

    const acknowledged: string[] = [];
    const unacknowledged: Array<ReturnType<typeof batch>> = [];
    let inFlight = 0;
    // Six clients sending 20-event batches back to back until the API goes away.
    const client = async (url: string) => {
      for (;;) {
        const events = batch(enrollmentId, lessonId, 20);
        inFlight += 1;
        try {
          const accepted = await record(url, cookie, events);
          expect(accepted).toBe(events.length);
          acknowledged.push(...events.map((e) => e.eventId));
        } catch {
          unacknowledged.push(events);
          return;
        } finally {
          inFlight -= 1;
        }
      }
    };
    const running = api;
    const clients = Promise.all(Array.from({ length: 6 }, () => client(running.url)));
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 600 && Date.now() < deadline) {
      await new Promise((r) => setImmediate(r));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(600);
    const inFlightAtKill = inFlight;
    await running.kill();
    await clients;

    // Killed mid-batch: batches were on the wire, and none of them was acknowledged.
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(unacknowledged).toHaveLength(6);
    expect((await storedOf(acknowledged)).size).toBe(acknowledged.length);

    // A restarted API takes the clients' retries; an event id makes a resent event count once
    // (some of them may have been committed just before the kill).
    api = await startApiProcess(database.url, port);
    const again = await signInLearner(api.url);
    for (const events of unacknowledged) {
      expect(await record(api.url, again, events)).toBe(events.length);
    }
    const all = [...acknowledged, ...unacknowledged.flat().map((e) => e.eventId)];
    expect((await storedOf(all)).size).toBe(all.length);
    const [stored] = await database.db
      .select({ n: count() })
      .from(progressEvents)
      .where(eq(progressEvents.enrollmentId, enrollmentId));
    expect(stored?.n).toBe(all.length);
  });
});
