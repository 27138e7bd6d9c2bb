import { addCaption } from "@lumen/core/video/add-caption";
import { cancelUpload } from "@lumen/core/video/cancel-upload";
import { completeUpload } from "@lumen/core/video/complete-upload";
import { createUpload } from "@lumen/core/video/create-upload";
import * as video from "@lumen/core/video/inputs";
import { getLessonVideo } from "@lumen/core/video/lesson-video";
import { getPlayback } from "@lumen/core/video/playback";
import { removeCaption } from "@lumen/core/video/remove-caption";
import { resumeUpload } from "@lumen/core/video/resume-upload";
import { savePosition } from "@lumen/core/video/save-position";
import { instructorProcedure, protectedProcedure, publicProcedure, router } from "../trpc";

/**
 * Lesson videos. Instructors upload (the bytes go to the edge, never through here), follow
 * processing and attach captions, with the authoring editor check; learners get signed
 * playback URLs and save where they are.
 */
export const videoRouter = router({
  createUpload: instructorProcedure
    .input(video.createUploadInput)
    .mutation(({ ctx, input }) => createUpload({ ...ctx, input })),
  resumeUpload: instructorProcedure
    .input(video.assetIdInput)
    .mutation(({ ctx, input }) => resumeUpload({ ...ctx, input })),
  completeUpload: instructorProcedure
    .input(video.assetIdInput)
    .mutation(({ ctx, input }) => completeUpload({ ...ctx, input })),
  cancelUpload: instructorProcedure
    .input(video.assetIdInput)
    .mutation(({ ctx, input }) => cancelUpload({ ...ctx, input })),
  lessonVideo: instructorProcedure
    .input(video.lessonIdInput)
    .query(({ ctx, input }) => getLessonVideo({ ...ctx, input })),

  addCaption: instructorProcedure
    .input(video.addCaptionInput)
    .mutation(({ ctx, input }) => addCaption({ ...ctx, input })),
  removeCaption: instructorProcedure
    .input(video.removeCaptionInput)
    .mutation(({ ctx, input }) => removeCaption({ ...ctx, input })),

  playback: publicProcedure
    .input(video.lessonIdInput)
    .query(({ ctx, input }) => getPlayback({ ...ctx, input })),
  savePosition: protectedProcedure
    .input(video.savePositionInput)
    .mutation(({ ctx, input }) => savePosition({ ...ctx, input })),
});
