/**
 * Lesson videos: uploads straight to the edge, processing state, captions, and signed playback
 * with the saved position.
 */
export { addCaption } from "./add-caption";
export { cancelUpload } from "./cancel-upload";
export { completeUpload } from "./complete-upload";
export { createUpload } from "./create-upload";
export { encodeVideoRenditions } from "./encode-renditions";
export {
  type AddCaptionInput,
  addCaptionInput,
  assetIdInput,
  type CreateUploadInput,
  createUploadInput,
  lessonIdInput,
  removeCaptionInput,
  type SavePositionInput,
  savePositionInput,
} from "./inputs";
export { getLessonVideo } from "./lesson-video";
export { getPlayback, type Playback } from "./playback";
export { removeCaption } from "./remove-caption";
export { resumeUpload } from "./resume-upload";
export { savePosition } from "./save-position";
export { loadRenditionsOf, videoPercent } from "./summary";
export type { CaptionTrack, UploadTicket, VideoStatus, VideoSummary } from "./types";
