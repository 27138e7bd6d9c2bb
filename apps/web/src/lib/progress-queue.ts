import { WATCHED_INTERVALS_MAX } from "@lumen/shared/constants";
import { mergeIntervals } from "./intervals";
import { createProgressStore, type KeyValueStorage, type QueuedEvent } from "./progress-store";

export type { QueuedEvent } from "./progress-store";

/**
 * The tab's progress outbox. The player and lesson pages hand it events; it sends them in
 * batches (every few seconds, or at once when a batch fills or the caller asks), keeps the
 * unsent ones in localStorage, retries with backoff, and when the page is hidden or closes
 * hands the remainder to a beacon. Every event carries a random id, so anything sent twice
 * (a retry after a lost answer, a beacon, a reload) is acknowledged once and applied once.
 */
export type ProgressInput = Omit<QueuedEvent, "eventId" | "occurredAt">;

/** What the server answers for a batch (structurally `progress.record`'s result). */
export interface ProgressAck {
  accepted: number;
  duplicates: number;
  rejected: Array<{ eventId: string; reason: string }>;
  courses: Array<{
    enrollmentId: string;
    courseId: string;
    percent: number;
    completedRequired: number;
    requiredLessons: number;
    newMilestones: number[];
  }>;
  /** Per lesson: seconds of its video covered now, and claimed seconds not credited. */
  lessons: Array<{
    enrollmentId: string;
    lessonId: string;
    watchedSeconds: number;
    clampedSeconds: number;
  }>;
}

export interface ProgressTransport {
  send(events: QueuedEvent[]): Promise<ProgressAck>;
  /** Fire and forget for a closing page; false when nothing could be queued. */
  beacon(events: QueuedEvent[]): boolean;
  /** The server refused the batch as such (bad input): resending cannot help. */
  isPermanent(error: unknown): boolean;
}

export interface ProgressQueueOptions {
  transport: ProgressTransport;
  storage?: KeyValueStorage | null;
  storageKey?: string;
  flushIntervalMs?: number;
  /** A batch this large goes at once instead of waiting for the interval. */
  batchSize?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  newId?: () => string;
  now?: () => number;
  random?: () => number;
}

export interface QueueStatus {
  pending: number;
  /** The last send failed and a retry is scheduled. */
  failing: boolean;
}

export interface ProgressQueue {
  /** Queues an event; `flush: true` sends it now (explicit completion, a lesson finished). */
  record(input: ProgressInput, options?: { flush?: boolean }): QueuedEvent;
  flush(): Promise<void>;
  /** The page is hidden or closing: beacon everything not yet acknowledged. */
  flushOnHide(): void;
  /** Resolves with the acknowledgement of that event's batch; rejects if it was refused. */
  acknowledged(eventId: string): Promise<ProgressAck>;
  onAck(listener: (ack: ProgressAck, events: readonly QueuedEvent[]) => void): () => void;
  onStatus(listener: (status: QueueStatus) => void): () => void;
  status(): QueueStatus;
  dispose(): void;
}

/** The API takes at most 200 events per call; a backlog goes in several. */
const MAX_PER_REQUEST = 200;
/** A beacon body is limited (64 KiB in Chromium, shared by pending beacons). */
const MAX_PER_BEACON = 100;

export class ProgressRefused extends Error {}

export function createProgressQueue(options: ProgressQueueOptions): ProgressQueue {
  const {
    transport,
    flushIntervalMs = 5_000,
    batchSize = 20,
    retryBaseMs = 2_000,
    retryMaxMs = 60_000,
    newId = () => crypto.randomUUID(),
    now = Date.now,
    random = Math.random,
  } = options;
  const store = createProgressStore(options.storage ?? null, options.storageKey);
  // Whatever an earlier page left unsent (this tab's or a closed one's) goes first.
  let queue: QueuedEvent[] = store.load();
  let inFlight: { events: QueuedEvent[]; done: Promise<void> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = Number.POSITIVE_INFINITY;
  let failures = 0;
  let disposed = false;
  const waiters = new Map<
    string,
    Array<{ ok: (a: ProgressAck) => void; no: (e: Error) => void }>
  >();
  const ackListeners = new Set<(ack: ProgressAck, events: readonly QueuedEvent[]) => void>();
  const statusListeners = new Set<(status: QueueStatus) => void>();

  const status = (): QueueStatus => ({
    pending: queue.length + (inFlight?.events.length ?? 0),
    failing: failures > 0,
  });
  const emitStatus = () => {
    const current = status();
    for (const listener of statusListeners) listener(current);
  };

  const schedule = (delayMs: number) => {
    if (disposed) return;
    const at = now() + delayMs;
    if (timer !== null && dueAt <= at) return;
    if (timer !== null) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = null;
      dueAt = Number.POSITIVE_INFINITY;
      void flush();
    }, delayMs);
  };
  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    dueAt = Number.POSITIVE_INFINITY;
  };

  const settle = (events: readonly QueuedEvent[], ack: ProgressAck | null, error?: Error) => {
    const refused = new Map((ack?.rejected ?? []).map((r) => [r.eventId, r.reason]));
    for (const event of events) {
      const reason = refused.get(event.eventId);
      for (const waiter of waiters.get(event.eventId) ?? []) {
        if (ack && reason === undefined) waiter.ok(ack);
        else waiter.no(error ?? new ProgressRefused(reason ?? "refused"));
      }
      waiters.delete(event.eventId);
    }
  };

  const send = async (batch: QueuedEvent[]) => {
    try {
      const ack = await transport.send(batch);
      failures = 0;
      store.remove(batch.map((e) => e.eventId));
      settle(batch, ack);
      for (const listener of ackListeners) listener(ack, batch);
    } catch (cause) {
      if (transport.isPermanent(cause)) {
        store.remove(batch.map((e) => e.eventId));
        settle(batch, null, cause instanceof Error ? cause : new ProgressRefused("refused"));
      } else {
        // Back to the front, in their order, for the retry.
        queue = [...batch, ...queue];
        failures += 1;
      }
    } finally {
      inFlight = null;
    }
    if (failures > 0) schedule(backoff(failures, retryBaseMs, retryMaxMs, random));
    else if (queue.length > 0) schedule(queue.length >= batchSize ? 0 : flushIntervalMs);
    emitStatus();
  };

  async function flush(): Promise<void> {
    if (inFlight) {
      await inFlight.done;
      // What was queued meanwhile goes next, unless the network is failing (backoff waits).
      return failures === 0 ? flush() : undefined;
    }
    cancelTimer();
    if (queue.length === 0 || disposed) return;
    const batch = queue.slice(0, MAX_PER_REQUEST);
    queue = queue.slice(batch.length);
    const done = send(batch);
    inFlight = { events: batch, done };
    emitStatus();
    await done;
  }

  if (queue.length > 0) schedule(0);

  return {
    record(input, { flush: immediately = false } = {}) {
      const event: QueuedEvent = { ...input, eventId: newId(), occurredAt: now() };
      // A newer position for the same lesson supersedes an unsent one, taking over the parts
      // it watched (unless that would make one event carry more than the server accepts).
      const stale = input.completed
        ? -1
        : queue.findIndex(
            (e) =>
              !e.completed &&
              e.enrollmentId === input.enrollmentId &&
              e.lessonId === input.lessonId,
          );
      const previous = queue[stale];
      const watched = previous ? mergeIntervals([...previous.watched, ...event.watched]) : [];
      if (previous && watched.length <= WATCHED_INTERVALS_MAX) {
        event.watched = watched;
        queue.splice(stale, 1);
        store.remove([previous.eventId]);
        const waiting = waiters.get(previous.eventId);
        if (waiting) waiters.set(event.eventId, waiting);
        waiters.delete(previous.eventId);
      }
      queue.push(event);
      store.add([event]);
      if (immediately || (failures === 0 && queue.length >= batchSize)) schedule(0);
      else
        schedule(
          failures > 0 ? backoff(failures, retryBaseMs, retryMaxMs, random) : flushIntervalMs,
        );
      emitStatus();
      return event;
    },
    flush,
    flushOnHide() {
      // A fetch in flight may be cancelled with the page, so its events go again too.
      const events = [...(inFlight?.events ?? []), ...queue];
      if (events.length === 0) return;
      let sent = true;
      for (let i = 0; i < events.length; i += MAX_PER_BEACON) {
        sent = transport.beacon(events.slice(i, i + MAX_PER_BEACON)) && sent;
      }
      // They stay in storage until acknowledged: the next page resends any the beacon lost.
      if (sent) {
        queue = [];
        cancelTimer();
        emitStatus();
      }
    },
    acknowledged(eventId) {
      return new Promise((ok, no) => {
        waiters.set(eventId, [...(waiters.get(eventId) ?? []), { ok, no }]);
      });
    },
    onAck(listener) {
      ackListeners.add(listener);
      return () => ackListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    status,
    dispose() {
      disposed = true;
      cancelTimer();
    },
  };
}

/** Exponential with jitter (half to full), so many tabs coming back online do not align. */
export function backoff(failures: number, baseMs: number, maxMs: number, random = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
