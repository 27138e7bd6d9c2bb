import {
  confirmForumImageUpload,
  forumImageIdInput,
  startForumImageInput,
  startForumImageUpload,
} from "@lumen/core/forum";
import { protectedProcedure, router } from "../trpc";

/**
 * Images in forum posts (issue 13). A member who may post in the course starts an upload (the
 * bytes go to the edge, never through here) and confirms it once the PUT is done; posts then
 * show it from the API's `/api/forum-images/:id`.
 */
export const forumFilesRouter = router({
  startImage: protectedProcedure
    .input(startForumImageInput)
    .mutation(({ ctx, input }) => startForumImageUpload({ ...ctx, input })),
  confirmImage: protectedProcedure
    .input(forumImageIdInput)
    .mutation(({ ctx, input }) => confirmForumImageUpload({ ...ctx, input })),
});
