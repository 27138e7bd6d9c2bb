import {
  addCaption,
  addCaptionInput,
  assetIdInput,
  cancelUpload,
  completeUpload,
  createUpload,
  createUploadInput,
  getLessonVideo,
  getPlayback,
  lessonIdInput,
  removeCaption,
  removeCaptionInput,
  resumeUpload,
  savePosition,
  savePositionInput,
} from "@lumen/core/video";
import { instructorProcedure, protectedProcedure, publicProcedure, router } from "../trpc";

/**
 * Lesson videos. Instructors upload (the bytes go to the edge, never through here), follow
 * processing and attach captions, with the authoring editor check; learners get signed
 * playback URLs and save where they are.
 */
export const videoRouter = router({
  createUpload: instructorProcedure
    .input(createUploadInput)
    .mutation(({ ctx, input }) => createUpload({ ...ctx, input })),
  resumeUpload: instructorProcedure
    .input(assetIdInput)
    .mutation(({ ctx, input }) => resumeUpload({ ...ctx, input })),
  completeUpload: instructorProcedure
    .input(assetIdInput)
    .mutation(({ ctx, input }) => completeUpload({ ...ctx, input })),
  cancelUpload: instructorProcedure
    .input(assetIdInput)
    .mutation(({ ctx, input }) => cancelUpload({ ...ctx, input })),
  lessonVideo: instructorProcedure
    .input(lessonIdInput)
    .query(({ ctx, input }) => getLessonVideo({ ...ctx, input })),

  addCaption: instructorProcedure
    .input(addCaptionInput)
    .mutation(({ ctx, input }) => addCaption({ ...ctx, input })),
  removeCaption: instructorProcedure
    .input(removeCaptionInput)
    .mutation(({ ctx, input }) => removeCaption({ ...ctx, input })),

  playback: publicProcedure
    .input(lessonIdInput)
    .query(({ ctx, input }) => getPlayback({ ...ctx, input })),
  savePosition: protectedProcedure
    .input(savePositionInput)
    .mutation(({ ctx, input }) => savePosition({ ...ctx, input })),
});
