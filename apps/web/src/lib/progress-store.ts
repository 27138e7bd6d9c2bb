import type { ProgressEventInput } from "./trpc";

/**
 * Unsent progress events kept in localStorage, so a reload, a crash or a closed tab does not
 * lose them: the next page that starts a queue sends them again. Resending is harmless (the
 * server acknowledges a known event id as a duplicate), so the store errs on keeping.
 *
 * Every tab reads, changes and writes the same list, adding and removing only its own events,
 * so two open tabs do not erase each other's backlog.
 */
export type QueuedEvent = ProgressEventInput;

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
      return Array.isArray(parsed) ? parsed.filter(isQueuedEvent) : [];
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

function isQueuedEvent(value: unknown): value is QueuedEvent {
  if (typeof value !== "object" || value === null) return false;
  const field = (name: string): unknown => Reflect.get(value, name);
  return (
    ["eventId", "enrollmentId", "lessonId"].every((name) => typeof field(name) === "string") &&
    ["watchedSeconds", "positionSeconds", "occurredAt"].every((name) =>
      Number.isFinite(field(name)),
    ) &&
    typeof field("completed") === "boolean"
  );
}
