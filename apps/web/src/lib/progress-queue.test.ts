import { WATCHED_INTERVALS_MAX } from "@lumen/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bindToPage } from "./progress-page";
import {
  backoff,
  createProgressQueue,
  type ProgressAck,
  type ProgressInput,
  type ProgressQueueOptions,
  type QueuedEvent,
} from "./progress-queue";
import { PROGRESS_STORAGE_KEY } from "./progress-store";

/** A transport that records what was sent and answers as each test tells it to. */
function fakeTransport() {
  const sent: QueuedEvent[][] = [];
  const beacons: QueuedEvent[][] = [];
  let answer: (events: QueuedEvent[]) => Promise<ProgressAck> = async (events) => ack(events);
  return {
    sent,
    beacons,
    answerWith(fn: typeof answer) {
      answer = fn;
    },
    transport: {
      send: (events: QueuedEvent[]) => {
        sent.push(events);
        return answer(events);
      },
      beacon: (events: QueuedEvent[]) => {
        beacons.push(events);
        return true;
      },
      isPermanent: (error: unknown) => error instanceof Error && error.message === "bad input",
    },
  };
}

function ack(events: QueuedEvent[], extra: Partial<ProgressAck> = {}): ProgressAck {
  return {
    accepted: events.length,
    duplicates: 0,
    rejected: [],
    courses: [],
    lessons: [],
    ...extra,
  };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    stored: () => JSON.parse(data.get(PROGRESS_STORAGE_KEY) ?? "[]") as QueuedEvent[],
  };
}

let counter = 0;
const options = (
  extra: Partial<ProgressQueueOptions> & Pick<ProgressQueueOptions, "transport">,
) => ({
  newId: () => `event-${++counter}`,
  random: () => 1,
  ...extra,
});

/** The player played `lessonId` from `from` to `to` seconds since its last report. */
const watching = (lessonId: string, to: number, from = 0): ProgressInput => ({
  enrollmentId: "enrollment-1",
  lessonId,
  watched: to > from ? [[from, to]] : [],
  positionSeconds: to,
  completed: false,
});

beforeEach(() => {
  vi.useFakeTimers();
  counter = 0;
});
afterEach(() => vi.useRealTimers());

describe("progress queue", () => {
  it("sends queued events together after the interval, each with its own id and time", async () => {
    const fake = fakeTransport();
    const queue = createProgressQueue(options({ transport: fake.transport }));
    queue.record(watching("lesson-a", 10));
    queue.record(watching("lesson-b", 20));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fake.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]?.map((e) => [e.eventId, e.lessonId])).toEqual([
      ["event-1", "lesson-a"],
      ["event-2", "lesson-b"],
    ]);
    expect(fake.sent[0]?.every((e) => e.occurredAt === Date.now() - 5_000)).toBe(true);
  });

  it("sends at once when a batch fills up", async () => {
    const fake = fakeTransport();
    const queue = createProgressQueue(options({ transport: fake.transport, batchSize: 3 }));
    for (const lesson of ["a", "b", "c"]) queue.record(watching(lesson, 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sent.map((batch) => batch.length)).toEqual([3]);
  });

  it("keeps only the newest unsent position of a lesson, with every part it watched", async () => {
    const fake = fakeTransport();
    const queue = createProgressQueue(options({ transport: fake.transport }));
    queue.record(watching("lesson-a", 30));
    queue.record(watching("lesson-a", 52, 40));
    // Sought back to 12 s: the position moves back, what was watched stays.
    queue.record(watching("lesson-a", 12, 12));
    queue.record({ ...watching("lesson-a", 0), completed: true });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.sent[0]?.map((e) => [e.watched, e.positionSeconds, e.completed])).toEqual([
      [
        [
          [0, 30],
          [40, 52],
        ],
        12,
        false,
      ],
      [[], 0, true],
    ]);
  });

  it("does not fold unsent events into one that would carry more intervals than the server takes", async () => {
    const fake = fakeTransport();
    const queue = createProgressQueue(options({ transport: fake.transport }));
    const scattered = Array.from({ length: WATCHED_INTERVALS_MAX }, (_, i): [number, number] => [
      2 * i,
      2 * i + 1,
    ]);
    queue.record({ ...watching("lesson-a", 0), watched: scattered });
    queue.record(watching("lesson-a", 1000.5, 1000));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.sent[0]?.map((e) => e.watched.length)).toEqual([WATCHED_INTERVALS_MAX, 1]);
  });

  it("sends events a page stored before coverage, with their position and nothing watched", async () => {
    const storage = memoryStorage();
    const legacy = {
      eventId: "old-1",
      enrollmentId: "enrollment-1",
      lessonId: "lesson-a",
      watchedSeconds: 300,
      positionSeconds: 42,
      completed: false,
      occurredAt: 1,
    };
    storage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify([legacy, { eventId: 7 }]));
    const fake = fakeTransport();
    const queue = createProgressQueue(options({ transport: fake.transport, storage }));
    await queue.flush();
    expect(fake.sent).toEqual([
      [
        {
          eventId: "old-1",
          enrollmentId: "enrollment-1",
          lessonId: "lesson-a",
          watched: [],
          positionSeconds: 42,
          completed: false,
          occurredAt: 1,
        },
      ],
    ]);
  });

  it("sends an explicit completion at once and resolves its acknowledgement", async () => {
    const fake = fakeTransport();
    const queue = createProgressQueue(options({ transport: fake.transport }));
    const event = queue.record({ ...watching("lesson-a", 0), completed: true }, { flush: true });
    const acknowledged = queue.acknowledged(event.eventId);
    await vi.advanceTimersByTimeAsync(0);
    await expect(acknowledged).resolves.toMatchObject({ accepted: 1 });
  });

  it("keeps unsent events in storage until acknowledged, and a new queue resends them", async () => {
    const storage = memoryStorage();
    const fake = fakeTransport();
    fake.answerWith(() => new Promise(() => {})); // the tab dies before an answer
    const first = createProgressQueue(options({ transport: fake.transport, storage }));
    first.record(watching("lesson-a", 10));
    first.record(watching("lesson-b", 5));
    await vi.advanceTimersByTimeAsync(5_000);
    first.dispose();
    expect(storage.stored().map((e) => e.eventId)).toEqual(["event-1", "event-2"]);

    const next = fakeTransport();
    const second = createProgressQueue(options({ transport: next.transport, storage }));
    await second.flush();
    expect(next.sent[0]?.map((e) => e.eventId)).toEqual(["event-1", "event-2"]);
    expect(storage.stored()).toEqual([]);
  });

  it("retries a failed batch with growing delays and sends it again unchanged", async () => {
    const fake = fakeTransport();
    let calls = 0;
    fake.answerWith(async (events) => {
      calls += 1;
      if (calls <= 2) throw new Error("network down");
      return ack(events);
    });
    const queue = createProgressQueue(options({ transport: fake.transport, retryBaseMs: 1_000 }));
    const statuses: boolean[] = [];
    queue.onStatus((s) => statuses.push(s.failing));
    queue.record(watching("lesson-a", 10));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000); // first retry after 1 s
    expect(fake.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_999); // the second waits 2 s
    expect(fake.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sent).toHaveLength(3);
    expect(new Set(fake.sent.map((batch) => batch[0]?.eventId))).toEqual(new Set(["event-1"]));
    expect(queue.status()).toEqual({ pending: 0, failing: false });
    expect(statuses).toContain(true);
  });

  it("drops a batch the server refuses as malformed and rejects its waiters", async () => {
    const storage = memoryStorage();
    const fake = fakeTransport();
    fake.answerWith(async () => {
      throw new Error("bad input");
    });
    const queue = createProgressQueue(options({ transport: fake.transport, storage }));
    const event = queue.record(watching("lesson-a", 10), { flush: true });
    const refused = expect(queue.acknowledged(event.eventId)).rejects.toThrow("bad input");
    await vi.advanceTimersByTimeAsync(0);
    await refused;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.sent).toHaveLength(1);
    expect(storage.stored()).toEqual([]);
  });

  it("rejects the waiter of an event the server refused, and tells listeners of the ack", async () => {
    const fake = fakeTransport();
    fake.answerWith(async (events) =>
      ack(events, {
        accepted: 0,
        rejected: [{ eventId: "event-1", reason: "not your enrollment" }],
        courses: [
          {
            ...{ enrollmentId: "e", courseId: "c", percent: 50 },
            ...{ completedRequired: 2, requiredLessons: 4, newMilestones: [25, 50] },
          },
        ],
      }),
    );
    const queue = createProgressQueue(options({ transport: fake.transport }));
    const heard: number[][] = [];
    queue.onAck((result) => heard.push(result.courses.flatMap((c) => c.newMilestones)));
    const event = queue.record(watching("lesson-a", 1), { flush: true });
    const refused = expect(queue.acknowledged(event.eventId)).rejects.toThrow(
      "not your enrollment",
    );
    await vi.advanceTimersByTimeAsync(0);
    await refused;
    expect(heard).toEqual([[25, 50]]);
  });

  it("beacons everything unacknowledged when the page is hidden, including a batch in flight", async () => {
    const storage = memoryStorage();
    const fake = fakeTransport();
    fake.answerWith(() => new Promise(() => {}));
    const queue = createProgressQueue(options({ transport: fake.transport, storage }));
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: "visible" as const });
    bindToPage(queue, win, doc);
    queue.record(watching("lesson-a", 10), { flush: true });
    await vi.advanceTimersByTimeAsync(0);
    queue.record(watching("lesson-b", 3));

    doc.visibilityState = "visible";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(fake.beacons).toHaveLength(0);
    Object.assign(doc, { visibilityState: "hidden" });
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(fake.beacons.map((b) => b.map((e) => e.lessonId))).toEqual([["lesson-a", "lesson-b"]]);
    // Still stored: if the beacon is lost, the next page sends them again.
    expect(storage.stored()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.sent).toHaveLength(1);

    queue.record(watching("lesson-c", 1));
    win.dispatchEvent(new Event("pagehide"));
    expect(fake.beacons.at(-1)?.map((e) => e.lessonId)).toEqual(["lesson-a", "lesson-c"]);
  });

  it("flushes at once when the network comes back", async () => {
    const fake = fakeTransport();
    const queue = createProgressQueue(options({ transport: fake.transport }));
    const win = new EventTarget();
    bindToPage(
      queue,
      win,
      Object.assign(new EventTarget(), { visibilityState: "visible" as const }),
    );
    queue.record(watching("lesson-a", 10));
    win.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sent).toHaveLength(1);
  });

  it("backs off exponentially up to a ceiling, with jitter between half and full", () => {
    expect([1, 2, 3, 10].map((n) => backoff(n, 1_000, 30_000, () => 1))).toEqual([
      1_000, 2_000, 4_000, 30_000,
    ]);
    expect(backoff(3, 1_000, 30_000, () => 0)).toBe(2_000);
  });
});
