import { Trans, useLingui } from "@lingui/react/macro";
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
  const { t } = useLingui();
  const queued = video.status === "queued";
  const valueText = processingValueText(video);
  return (
    <div className={s.status}>
      <p>
        {queued ? (
          <Trans>
            Waiting to process <strong translate="no">{video.originalFilename}</strong>
          </Trans>
        ) : (
          <Trans>
            Processing <strong translate="no">{video.originalFilename}</strong>
          </Trans>
        )}
      </p>
      {video.processingUnavailable ? (
        <p className={f.error}>{unavailableText(video.processingUnavailable)}</p>
      ) : (
        video.lastAttempt && (
          <p className={f.error}>
            <Trans>{failedAttemptText(video.lastAttempt)}. Trying again automatically.</Trans>
          </p>
        )
      )}
      <div className={s.progress}>
        <ProgressBar percent={video.percent} label={t`Processing progress`} valueText={valueText} />
        <span className={s.progressText}>{valueText}</span>
      </div>
      {video.renditions.length > 0 && (
        <ul className={s.renditions} aria-label={t`Renditions`}>
          {video.renditions.map((r) => (
            <li key={r.name}>
              <Badge tone={RENDITION_TONE[r.status] ?? "neutral"}>{renditionLabel(r)}</Badge>
            </li>
          ))}
        </ul>
      )}
      {video.playableAt && (
        <p className={s.playable}>
          <Trans>
            <strong>Playable now.</strong> Learners can watch while the other qualities finish.
          </Trans>
        </p>
      )}
    </div>
  );
}

export function FailedStatus({ video }: { video: VideoSummary }) {
  return (
    <div className={cx(s.status, s.failed)}>
      <p>
        <Trans>
          <strong translate="no">{video.originalFilename}</strong> couldn't be processed.
        </Trans>
      </p>
      <p className={f.error}>{video.failureReason ?? <Trans>Processing failed.</Trans>}</p>
      {video.lastAttempt && (
        <p className="muted">
          <Trans>Last error: {failedAttemptText(video.lastAttempt)}</Trans>
        </p>
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
          <Trans>Ready</Trans>
        </Badge>{" "}
        <strong translate="no">{video.originalFilename}</strong>
      </p>
      <p className={cx("muted", s.facts)}>{facts.join(" · ")}</p>
    </div>
  );
}
