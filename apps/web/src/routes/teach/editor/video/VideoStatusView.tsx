import { ProgressBar } from "../../../../components/ProgressBar";
import { formatVideoLength } from "../../../../lib/media-time";
import { formatBytes } from "../../../../lib/transfer-rate";
import type { VideoSummary } from "./video-api";
import {
  failedAttemptText,
  processingValueText,
  renditionLabel,
  unavailableText,
} from "./video-status-text";

/**
 * Queued or processing on the job runner: overall percent, each rendition, first playable —
 * or, when nothing can process it or an attempt failed, why (never a silent "0 %").
 */
export function ProcessingStatus({ video }: { video: VideoSummary }) {
  const queued = video.status === "queued";
  const valueText = processingValueText(video);
  return (
    <div className="video-status">
      <p className="video-status-title">
        {queued ? "Waiting to process" : "Processing"} <strong>{video.originalFilename}</strong>
      </p>
      {video.processingUnavailable ? (
        <p className="field-error">{unavailableText(video.processingUnavailable)}</p>
      ) : (
        video.lastAttempt && (
          <p className="field-error">
            {failedAttemptText(video.lastAttempt)}. Trying again automatically.
          </p>
        )
      )}
      <div className="video-progress">
        <ProgressBar percent={video.percent} label="Processing progress" valueText={valueText} />
        <span className="video-progress-text">{valueText}</span>
      </div>
      {video.renditions.length > 0 && (
        <ul className="rendition-chips" aria-label="Renditions">
          {video.renditions.map((r) => (
            <li key={r.name} className={`rendition-chip is-${r.status}`}>
              {renditionLabel(r)}
            </li>
          ))}
        </ul>
      )}
      {video.playableAt && (
        <p className="video-playable">
          <strong>Playable now.</strong> Learners can watch while the other qualities finish.
        </p>
      )}
    </div>
  );
}

export function FailedStatus({ video }: { video: VideoSummary }) {
  return (
    <div className="video-status video-failed">
      <p className="video-status-title">
        <strong>{video.originalFilename}</strong> couldn't be processed.
      </p>
      <p className="field-error">{video.failureReason ?? "Processing failed."}</p>
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
    <div className="video-status">
      <p className="video-status-title">
        <span className="status-ready">Ready</span> <strong>{video.originalFilename}</strong>
      </p>
      <p className="muted video-facts">{facts.join(" · ")}</p>
    </div>
  );
}
