import { threadEvents } from "@lumen/core/forum";
import { id, singleLine } from "@lumen/core/kernel";
import type { LiveHub } from "@lumen/core/live";
import { notificationEvents } from "@lumen/core/notifications";
import { TRPCError, tracked } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context";
import { protectedProcedure, router } from "../trpc";

/** tRPC's SSE link sends the last event id it saw back on reconnect (EventSource semantics). */
const lastEventId = singleLine({ label: "Last event id", max: 200, trim: false }).nullish();
const resumable = z.strictObject({ lastEventId }).optional();

export function liveHubOf(ctx: Pick<Context, "live">): LiveHub {
  if (!ctx.live) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "Live updates are not available.",
    });
  }
  return ctx.live;
}

/**
 * Live subscriptions over server-sent events. Events are pointers (a type and an id); the
 * client re-reads through the ordinary queries, which stay the authority.
 */
export const liveRouter = router({
  /** The signed-in user's own notifications (there is no way to name another user's). */
  notifications: protectedProcedure.input(resumable).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const events = notificationEvents({
      db: ctx.db,
      hub: liveHubOf(ctx),
      user: ctx.user,
      lastEventId: input?.lastEventId ?? null,
      signal,
    });
    for await (const { eventId, event } of events) yield tracked(eventId, event);
  }),
  /**
   * An open forum thread's changes, for whoever may read the thread (refused like
   * forum.thread: FORBIDDEN for non-members, NOT_FOUND for a thread hidden from them).
   */
  thread: protectedProcedure
    .input(z.strictObject({ threadId: id("threadId"), lastEventId }))
    .subscription(async ({ ctx, input, signal }) => {
      // Authorized here, before the stream: a refusal is the usual error, not a broken stream.
      const events = await threadEvents({
        db: ctx.db,
        hub: liveHubOf(ctx),
        user: ctx.user,
        threadId: input.threadId,
        lastEventId: input.lastEventId ?? null,
        signal,
      });
      return (async function* () {
        for await (const { eventId, event } of events) yield tracked(eventId, event);
      })();
    }),
});
