import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import type { SessionUser } from "../kernel";

/** What the instructor-side video services need. */
export interface VideoDeps {
  db: Database;
  user: SessionUser;
  media: MediaContext;
}

export type VideoStatus = "uploading" | "queued" | "processing" | "ready" | "failed" | "cancelled";

/** Where and how the browser uploads the file: straight to the edge, in fixed-size parts. */
export interface UploadTicket {
  /** `${edgeUrl}/uploads/${token}`; the token is the only credential. */
  url: string;
  expiresAt: string;
  partBytes: number;
  byteSize: number;
}

export interface CaptionTrack {
  language: string;
  label: string;
}

/** A video asset as the lesson editor shows it (state, progress, what came out). */
export interface VideoSummary {
  id: string;
  status: VideoStatus;
  failureReason: string | null;
  /** 0–100: the renditions' encode progress weighted by their pixels; 100 only when ready. */
  percent: number;
  /**
   * While queued or processing: why no live job runner can process video (e.g. its FFmpeg
   * failed the start-up self-test). Null when one can, or when nothing is known to be wrong.
   */
  processingUnavailable: string | null;
  /** The latest failed attempt of a step that is retried (or was, when the asset failed). */
  lastAttempt: { failed: number; max: number | null; error: string; at: string } | null;
  originalFilename: string;
  byteSize: number;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  createdAt: string;
  uploadedAt: string | null;
  processingStartedAt: string | null;
  playableAt: string | null;
  readyAt: string | null;
  /** Lowest first. */
  renditions: Array<{
    name: string;
    width: number;
    height: number;
    status: "pending" | "processing" | "ready";
    progress: number;
    readyAt: string | null;
  }>;
  captions: CaptionTrack[];
}
