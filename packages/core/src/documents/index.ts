/** PDF lessons' documents: upload (editors), and opening them (whoever may open the lesson). */
export { moveLegacyDocuments } from "./move-legacy-documents";
export { findLessonDocument, openLessonDocument } from "./open-document";
export { DOCUMENT_MAX_BYTES, NotPdfError } from "./pdf";
export type { DocumentDeps, DocumentSummary } from "./types";
export { assertCanUploadDocument, uploadLessonDocument } from "./upload-document";
