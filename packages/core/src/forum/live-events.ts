import { type Database, forumReplies } from "@lumen/db";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { SessionUser } from "../kernel";
import type { LiveHub } from "../live";
import { openThread } from "./access";

/**
 * What an open thread hears. "ready": the subscription listens (after a reconnect, re-read the
 * thread once: edits, votes and moderation made meanwhile are not replayed); "reply": a new
 * reply (also each one missed while disconnected, in order); the others name the post that
 * changed; "resync": something may have been missed, re-read.
 */
export type ThreadLiveEvent =
  | { type: "ready" }
  | { type: "resync" }
  | {
      type: "reply" | "edit" | "delete" | "vote" | "accept" | "endorse" | "moderation";
      id: string;
    };

export interface TrackedThreadEvent {
  eventId: string;
  event: ThreadLiveEvent;
}

const CHANGE_TYPES = new Set([
  "reply",
  "edit",
  "delete",
  "vote",
  "accept",
  "endorse",
  "moderation",
]);
/** A catch-up longer than this is one "resync" (re-read) rather than many events. */
const MAX_CATCH_UP = 200;
const uuid = z.uuid();

/**
 * Authorizes like reading the thread (members; a hidden thread only for staff and its author)
 * and returns its live events. Throws the domain's NotFound/Forbidden before any event, so a
 * refused subscription gets a proper error. Event ids carry the last reply seen, so a client
 * that reconnects with one gets the replies it missed (replies are numbered per thread).
 */
export async function threadEvents({
  db,
  hub,
  user,
  threadId,
  lastEventId,
  signal,
}: {
  db: Database;
  hub: LiveHub;
  user: SessionUser;
  threadId: string;
  lastEventId: string | null;
  signal?: AbortSignal;
}): Promise<AsyncGenerator<TrackedThreadEvent>> {
  await openThread(db, user, threadId);
  return events({ db, hub, threadId, lastEventId, signal });
}

async function* events({
  db,
  hub,
  threadId,
  lastEventId,
  signal,
}: {
  db: Database;
  hub: LiveHub;
  threadId: string;
  lastEventId: string | null;
  signal: AbortSignal | undefined;
}): AsyncGenerator<TrackedThreadEvent> {
  // Listen before reading, so a reply committed in between is heard (maybe twice, never lost).
  const stream = hub.stream(`thread:${threadId}`, signal)[Symbol.asyncIterator]();
  let count = 0;
  let lastReply = "none";
  const tracked = (event: ThreadLiveEvent): TrackedThreadEvent => {
    if (event.type === "reply") lastReply = event.id;
    return { eventId: `${lastReply}~${++count}`, event };
  };
  try {
    await hub.ready;
    const resume = lastEventId === null ? null : await resumePoint(db, threadId, lastEventId);
    const resumeFrom = resume?.seq ?? null;
    lastReply = resume ? resume.replyId : ((await latestReply(db, threadId)) ?? "none");
    yield tracked({ type: "ready" });
    if (lastEventId !== null && resumeFrom === null) yield tracked({ type: "resync" });
    if (resumeFrom !== null) {
      const missed = await db
        .select({ id: forumReplies.id })
        .from(forumReplies)
        .where(and(eq(forumReplies.threadId, threadId), gt(forumReplies.seq, resumeFrom)))
        .orderBy(asc(forumReplies.seq))
        .limit(MAX_CATCH_UP + 1);
      if (missed.length > MAX_CATCH_UP) {
        lastReply = (await latestReply(db, threadId)) ?? "none";
        yield tracked({ type: "resync" });
      } else for (const { id } of missed) yield tracked({ type: "reply", id });
    }
    for (;;) {
      const next = await stream.next();
      if (next.done) return;
      const signalled = next.value;
      if (signalled.kind === "resync") yield tracked({ type: "resync" });
      else {
        const { type, id } = signalled.event;
        if (CHANGE_TYPES.has(type) && id) yield tracked({ type: changeType(type), id });
      }
    }
  } finally {
    await stream.return?.();
  }
}

function changeType(type: string) {
  switch (type) {
    case "reply":
    case "edit":
    case "delete":
    case "vote":
    case "accept":
    case "endorse":
      return type;
    default:
      return "moderation" as const;
  }
}

/** The last reply a client saw (from its last event id) and its position; null if unknown. */
async function resumePoint(db: Database, threadId: string, lastEventId: string) {
  const [replyPart, , extra] = lastEventId.split("~");
  if (extra !== undefined) return null;
  if (replyPart === "none") return { replyId: "none", seq: 0 };
  const id = uuid.safeParse(replyPart);
  if (!id.success) return null;
  const [row] = await db
    .select({ seq: forumReplies.seq })
    .from(forumReplies)
    .where(and(eq(forumReplies.id, id.data), eq(forumReplies.threadId, threadId)));
  return row ? { replyId: id.data, seq: row.seq } : null;
}

async function latestReply(db: Database, threadId: string) {
  const [row] = await db
    .select({ id: forumReplies.id })
    .from(forumReplies)
    .where(eq(forumReplies.threadId, threadId))
    .orderBy(desc(forumReplies.seq))
    .limit(1);
  return row?.id;
}
