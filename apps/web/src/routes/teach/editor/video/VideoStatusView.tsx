import { ProgressBar } from "../../../../components/ProgressBar";
import { Badge, type BadgeTone } from "../../../../components/ui/Badge";
import { cx } from "../../../../components/ui/cx";
import { fieldStyles as f } from "../../../../components/ui/Field";
import { formatVideoLength } from "../../../../lib/media-time";
import { formatBytes } from "../../../../lib/transfer-rate";
import type { VideoSummary } from "./video-api";
import s from "./video-editor.module.css";
import {
  failedAttemptText,
  processingValueText,
  renditionLabel,
  unavailableText,
} from "./video-status-text";

const RENDITION_TONE: Partial<Record<string, BadgeTone>> = { processing: "info", ready: "success" };

/**
 * Queued or processing on the job runner: overall percent, each rendition, first playable —
 * or, when nothing can process it or an attempt failed, why (never a silent "0 %").
 */
export function ProcessingStatus({ video }: { video: VideoSummary }) {
  const queued = video.status === "queued";
  const valueText = processingValueText(video);
  return (
    <div className={s.status}>
      <p>
        {queued ? "Waiting to process" : "Processing"} <strong>{video.originalFilename}</strong>
      </p>
      {video.processingUnavailable ? (
        <p className={f.error}>{unavailableText(video.processingUnavailable)}</p>
      ) : (
        video.lastAttempt && (
          <p className={f.error}>
            {failedAttemptText(video.lastAttempt)}. Trying again automatically.
          </p>
        )
      )}
      <div className={s.progress}>
        <ProgressBar percent={video.percent} label="Processing progress" valueText={valueText} />
        <span className={s.progressText}>{valueText}</span>
      </div>
      {video.renditions.length > 0 && (
        <ul className={s.renditions} aria-label="Renditions">
          {video.renditions.map((r) => (
            <li key={r.name}>
              <Badge tone={RENDITION_TONE[r.status] ?? "neutral"}>{renditionLabel(r)}</Badge>
            </li>
          ))}
        </ul>
      )}
      {video.playableAt && (
        <p className={s.playable}>
          <strong>Playable now.</strong> Learners can watch while the other qualities finish.
        </p>
      )}
    </div>
  );
}

export function FailedStatus({ video }: { video: VideoSummary }) {
  return (
    <div className={cx(s.status, s.failed)}>
      <p>
        <strong>{video.originalFilename}</strong> couldn't be processed.
      </p>
      <p className={f.error}>{video.failureReason ?? "Processing failed."}</p>
      {video.lastAttempt && (
        <p className="muted">Last error: {failedAttemptText(video.lastAttempt)}</p>
      )}
    </div>
  );
}

/** A finished video: how long, how large, which qualities. */
export function ReadyFacts({ video }: { video: VideoSummary }) {
  const facts = [
    video.durationSeconds !== null ? formatVideoLength(video.durationSeconds) : null,
    video.width && video.height ? `${video.width} × ${video.height}` : null,
    video.renditions.map((r) => r.name).join(", ") || null,
    formatBytes(video.byteSize),
  ].filter(Boolean);
  return (
    <div className={s.status}>
      <p>
        <Badge tone="success" className={s.readyBadge}>
          Ready
        </Badge>{" "}
        <strong>{video.originalFilename}</strong>
      </p>
      <p className={cx("muted", s.facts)}>{facts.join(" · ")}</p>
    </div>
  );
}
