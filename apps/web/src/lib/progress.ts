import { applyAck } from "./progress-cache";
import { bindToPage } from "./progress-page";
import { createProgressQueue, type ProgressAck, type ProgressQueue } from "./progress-queue";
import type { QueuedEvent } from "./progress-store";
import { apiErrorCode, queryClient, trpc, trpcClient } from "./trpc";

/** tRPC takes a single mutation as a plain JSON POST, which is what a beacon can send. */
const BEACON_URL = "/trpc/progress.record";

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
      send: (events: QueuedEvent[]) => trpcClient.progress.record.mutate({ events }),
      beacon: (events) => sendJsonBeacon(BEACON_URL, { events }),
      // A signed-out session keeps its events for later; malformed or foreign ones never pass.
      isPermanent: (error) => {
        const code = apiErrorCode(error);
        return code === "BAD_REQUEST" || code === "FORBIDDEN" || code === "NOT_FOUND";
      },
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
