import * as notifications from "@lumen/core/notifications/inputs";
import { listNotifications } from "@lumen/core/notifications/list";
import { markNotificationsRead } from "@lumen/core/notifications/mark-read";
import { countUnread } from "@lumen/core/notifications/unread-count";
import { protectedProcedure, router } from "../trpc";

/** The signed-in user's in-app notifications (milestones, certificates). */
export const notificationsRouter = router({
  list: protectedProcedure
    .input(notifications.listNotificationsInput)
    .query(({ ctx, input }) => listNotifications({ ...ctx, input })),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnread(ctx)),
  markRead: protectedProcedure
    .input(notifications.markReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead({ ...ctx, input })),
});
