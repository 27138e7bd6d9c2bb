import { PROGRESS_BEACON_PATH } from "@lumen/shared/constants";
import { applyAck } from "./progress-cache";
import { bindToPage } from "./progress-page";
import { createProgressQueue, type ProgressAck, type ProgressQueue } from "./progress-queue";
import type { QueuedEvent } from "./progress-store";
import { queryClient, trpc } from "./trpc";

/** The API refused a progress batch: its HTTP status and error code (`{ error: { code } }`). */
export class ProgressSendError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
  ) {
    super(`progress batch refused: ${status} ${code ?? ""}`.trim());
    this.name = "ProgressSendError";
  }
}

/**
 * Sends a batch to the progress route (the same input and answer as tRPC's `progress.record`,
 * without tRPC's per-call cost on the API's hottest write, ADR 0029). Rejects with
 * ProgressSendError when the API answers with an error, and as fetch does when offline.
 */
export async function postProgress(
  events: QueuedEvent[],
  url: string = PROGRESS_BEACON_PATH,
): Promise<ProgressAck> {
  const res = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ProgressSendError(res.status, errorCodeOf(body));
  if (!isProgressAck(body)) throw new ProgressSendError(res.status, null);
  return body;
}

function errorCodeOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const { error } = body;
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  return typeof error.code === "string" ? error.code : null;
}

function isProgressAck(body: unknown): body is ProgressAck {
  return (
    typeof body === "object" &&
    body !== null &&
    "accepted" in body &&
    typeof body.accepted === "number" &&
    "duplicates" in body &&
    typeof body.duplicates === "number" &&
    "rejected" in body &&
    Array.isArray(body.rejected) &&
    "courses" in body &&
    Array.isArray(body.courses) &&
    "lessons" in body &&
    Array.isArray(body.lessons)
  );
}

/** Refusals resending cannot help: malformed events, or ones for another learner's enrollment. */
const PERMANENT_CODES = new Set(["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND"]);

/**
 * Whether a failed send is dropped (resending cannot help) rather than kept for a retry. A
 * signed-out session (401), a body over the limit (413), a refused origin (FORBIDDEN_ORIGIN), a
 * proxy's error page and a network failure all keep their events.
 */
export function isPermanentRefusal(error: unknown): boolean {
  return error instanceof ProgressSendError && PERMANENT_CODES.has(error.code ?? "");
}

/**
 * A JSON body that outlives the page: `sendBeacon` where it takes one, else a keepalive fetch
 * (some browsers refuse a JSON beacon). True when either was queued.
 */
export function sendJsonBeacon(url: string, body: unknown): boolean {
  const json = JSON.stringify(body);
  try {
    if (navigator.sendBeacon?.(url, new Blob([json], { type: "application/json" }))) return true;
  } catch {
    // Fall through to fetch.
  }
  try {
    void fetch(url, {
      method: "POST",
      body: json,
      keepalive: true,
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
    }).catch(() => {});
    return true;
  } catch {
    return false;
  }
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let queue: ProgressQueue | null = null;

/**
 * The tab's one progress queue, created on first use (a page that reports or reads progress):
 * it starts by resending whatever an earlier page left unacknowledged.
 */
export function progressQueue(): ProgressQueue {
  if (queue) return queue;
  const created = createProgressQueue({
    storage: browserStorage(),
    transport: {
      send: postProgress,
      beacon: (events) => sendJsonBeacon(PROGRESS_BEACON_PATH, { events }),
      // A signed-out session keeps its events for later; malformed or foreign ones never pass.
      isPermanent: isPermanentRefusal,
    },
  });
  bindToPage(created, window, document);
  created.onAck(syncAck);
  queue = created;
  return created;
}

/**
 * Brings cached progress up to date with an acknowledgement: small changes (watch time,
 * position) in place, anything the server decided (a completion, a milestone) by a refetch.
 * A new milestone also means a new notification.
 */
function syncAck(ack: ProgressAck, events: readonly QueuedEvent[]) {
  let anyStale = false;
  const cached = queryClient.getQueriesData({ queryKey: trpc.progress.course.pathKey() });
  for (const [queryKey, data] of cached) {
    if (!data || typeof data !== "object" || !("enrollmentId" in data)) continue;
    const courseId = "courseId" in data && typeof data.courseId === "string" ? data.courseId : null;
    if (!courseId) continue;
    const key = trpc.progress.course.queryKey({ courseId });
    let stale = false;
    queryClient.setQueryData(key, (old) => {
      if (!old) return old;
      const next = applyAck(old, ack, events);
      stale = next.stale;
      return next.progress;
    });
    if (stale) {
      anyStale = true;
      void queryClient.invalidateQueries({ queryKey, exact: true });
    }
  }
  if (anyStale || ack.courses.length > 0) {
    void queryClient.invalidateQueries(trpc.progress.mine.queryFilter());
  }
  // The lesson page announces the milestone from the course's progress (see MilestoneToast).
  if (ack.courses.some((course) => course.newMilestones.length > 0)) {
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  }
}
