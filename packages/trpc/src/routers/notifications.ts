import {
  countUnread,
  listNotifications,
  listNotificationsInput,
  markNotificationsRead,
  markReadInput,
} from "@lumen/core/notifications";
import { protectedProcedure, router } from "../trpc";

/** The signed-in user's in-app notifications (milestones, certificates). */
export const notificationsRouter = router({
  list: protectedProcedure
    .input(listNotificationsInput)
    .query(({ ctx, input }) => listNotifications({ ...ctx, input })),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnread(ctx)),
  markRead: protectedProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead({ ...ctx, input })),
});
