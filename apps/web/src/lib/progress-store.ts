import type { Interval } from "./intervals";
import type { ProgressEventInput } from "./trpc";

/**
 * Unsent progress events kept in localStorage, so a reload, a crash or a closed tab does not
 * lose them: the next page that starts a queue sends them again. Resending is harmless (the
 * server acknowledges a known event id as a duplicate), so the store errs on keeping.
 *
 * Every tab reads, changes and writes the same list, adding and removing only its own events,
 * so two open tabs do not erase each other's backlog.
 */
export type QueuedEvent = Omit<ProgressEventInput, "watched"> & { watched: Interval[] };

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

export const PROGRESS_STORAGE_KEY = "lumen:progress-events:v1";
/** A week offline at a few events a minute; beyond it the oldest go first. */
const MAX_STORED = 2000;

export interface ProgressStore {
  load(): QueuedEvent[];
  add(events: readonly QueuedEvent[]): void;
  remove(eventIds: Iterable<string>): void;
}

export function createProgressStore(
  storage: KeyValueStorage | null,
  key = PROGRESS_STORAGE_KEY,
): ProgressStore {
  const read = (): QueuedEvent[] => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? "[]");
      return Array.isArray(parsed) ? parsed.flatMap((value) => toQueuedEvent(value) ?? []) : [];
    } catch {
      return [];
    }
  };
  const write = (events: QueuedEvent[]) => {
    try {
      storage?.setItem(key, JSON.stringify(events.slice(-MAX_STORED)));
    } catch {
      // Full or blocked storage (private mode): the queue still sends from memory.
    }
  };
  return {
    load: read,
    add(events) {
      if (!storage || events.length === 0) return;
      const known = read();
      const ids = new Set(known.map((e) => e.eventId));
      write([...known, ...events.filter((e) => !ids.has(e.eventId))]);
    },
    remove(eventIds) {
      if (!storage) return;
      const gone = new Set(eventIds);
      if (gone.size === 0) return;
      const known = read();
      const kept = known.filter((e) => !gone.has(e.eventId));
      if (kept.length !== known.length) write(kept);
    },
  };
}

/**
 * A stored event, or null for junk. Events a page stored before coverage carry a
 * `watchedSeconds` total instead of `watched`: they still go (their position counts), with
 * nothing watched, as the server would ignore that total anyway.
 */
function toQueuedEvent(value: unknown): QueuedEvent | null {
  if (typeof value !== "object" || value === null) return null;
  const field = (name: string): unknown => Reflect.get(value, name);
  const eventId = field("eventId");
  const enrollmentId = field("enrollmentId");
  const lessonId = field("lessonId");
  const positionSeconds = field("positionSeconds");
  const occurredAt = field("occurredAt");
  const completed = field("completed");
  const watched = field("watched") ?? [];
  if (
    typeof eventId !== "string" ||
    typeof enrollmentId !== "string" ||
    typeof lessonId !== "string" ||
    typeof positionSeconds !== "number" ||
    !Number.isFinite(positionSeconds) ||
    typeof occurredAt !== "number" ||
    !Number.isFinite(occurredAt) ||
    typeof completed !== "boolean" ||
    !Array.isArray(watched) ||
    !watched.every(isInterval)
  ) {
    return null;
  }
  return { eventId, enrollmentId, lessonId, watched, positionSeconds, completed, occurredAt };
}

function isInterval(value: unknown): value is Interval {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === "number" && Number.isFinite(n))
  );
}
