/**
 * The media itself is unusable: a terminal failure (no retry) whose `reason` an instructor can
 * read. Never put paths or raw ffmpeg output in `reason`; the cause (if any) is for the log.
 */
export class MediaRejectedError extends Error {
  override name = "MediaRejectedError";
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.reason = reason;
  }
}

export const TOO_LONG_REASON =
  "Processing this video took too long. Try a shorter video or a lower resolution.";

export const DAMAGED_REASON = "The video file is damaged or is not in a format we can read.";
export const INCOMPLETE_REASON =
  "The video file is incomplete (it may have been cut off while saving or uploading).";
const EXTERNAL_REASON = "The video file refers to other files, which is not allowed.";
const UNSUPPORTED_REASON = "The video uses a codec we cannot read.";

/** stderr patterns that mean "this media is bad", checked in order. */
const MEDIA_FAILURES: readonly [RegExp, string][] = [
  [/moov atom not found|partial file|unexpected end|end of file/i, INCOMPLETE_REASON],
  [/protocol_whitelist|not on whitelist|protocol not found/i, EXTERNAL_REASON],
  [
    /decoder .*not found|unsupported codec|no decoder|could not find codec parameters/i,
    UNSUPPORTED_REASON,
  ],
  [
    /invalid data found|corrupt|error while decoding|invalid nal|ebml header|no frame|header missing/i,
    DAMAGED_REASON,
  ],
];

/** A readable reason when a failed run's stderr shows the media is at fault, else null. */
export function mediaFailureReason(stderr: string): string | null {
  for (const [pattern, reason] of MEDIA_FAILURES) {
    if (pattern.test(stderr)) return reason;
  }
  return null;
}

/** Failures of the machine rather than the media: worth a retry. */
const ENVIRONMENT_FAILURE =
  /no such file or directory|permission denied|cannot allocate memory|no space left|resource temporarily unavailable|too many open files/i;

/**
 * Turn a non-zero exit into the right error: MediaRejectedError when the media is at fault,
 * otherwise a plain Error (transient or environmental, so the job retries) carrying the stderr
 * tail for the log. `mediaByDefault` is for ffprobe, whose only input is the media: an
 * unrecognised complaint still means an unreadable file.
 */
export function exitError(
  tool: string,
  exitCode: number | null,
  stderr: string,
  options: { mediaByDefault?: boolean } = {},
): Error {
  const detail = stderr.trim().split("\n").slice(-5).join(" | ");
  const how =
    exitCode === null
      ? "was stopped by a signal (crashed or killed)"
      : `exited with code ${exitCode}`;
  const cause = new Error(`${tool} ${how}: ${detail}`);
  if (exitCode === null || ENVIRONMENT_FAILURE.test(stderr)) return cause;
  const reason = mediaFailureReason(stderr) ?? (options.mediaByDefault ? DAMAGED_REASON : null);
  return reason ? new MediaRejectedError(reason, { cause }) : cause;
}

const MAX_READABLE_CHARS = 240;

/**
 * A failure as one line someone can act on (the instructor's editor, an operator's log): the
 * media's reason when it is the media's fault, else the message's first complaint without
 * file paths or FFmpeg's `[filter @ 0x…]` prefixes, bounded in length.
 */
export function readableFailure(error: unknown): string {
  if (error instanceof MediaRejectedError) return error.reason;
  const message = error instanceof Error ? error.message : String(error);
  const [head = "", firstDetail = ""] = message.split(/: (.*)/s);
  const first = firstDetail.split(" | ")[0] ?? "";
  const text = (first ? `${head}: ${first}` : head)
    .replace(/\[[^\]]* @ 0x[0-9a-f]+\] ?/g, "")
    .replace(/(?:file:)?\/[^\s'":|]+/g, "…")
    .trim();
  return text.length > MAX_READABLE_CHARS ? `${text.slice(0, MAX_READABLE_CHARS - 1)}…` : text;
}
