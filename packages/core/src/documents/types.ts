import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";

export interface DocumentDeps {
  db: Database;
  media: MediaContext;
}

/** A PDF lesson's document as editors and learners see it; the bytes are behind `url`. */
export interface DocumentSummary {
  lessonId: string;
  filename: string;
  byteSize: number;
  uploadedAt: string;
  /** Same-origin API path that shows it inline. */
  url: string;
  /** The same with `?download=1`: served as an attachment. */
  downloadUrl: string;
}

export function documentUrls(lessonId: string) {
  const url = `/api/lessons/${lessonId}/document`;
  return { url, downloadUrl: `${url}?download=1` };
}
