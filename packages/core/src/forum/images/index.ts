/**
 * Images in forum posts (issue 13): uploaded straight to the edge (`forum-images/<id>`) by a
 * member who may post in the course, checked by their bytes when confirmed, and served by the
 * API (`/api/forum-images/:id`) to whoever may read the course's forum. Never hot-linked.
 */
export { confirmForumImageUpload } from "./confirm-upload";
export {
  FORUM_IMAGE_MAX_BYTES,
  FORUM_IMAGE_TYPES,
  FORUM_IMAGE_UPLOAD_TTL_SECONDS,
  type ForumImageType,
  forumImageIdInput,
  type StartForumImageInput,
  startForumImageInput,
} from "./inputs";
export { openForumImage } from "./open-image";
export { type ForumImageView, forumImageUrl } from "./rows";
export { type ForumImageUploadTicket, startForumImageUpload } from "./start-upload";
