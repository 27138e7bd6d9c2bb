import { ProgressBar } from "../../../../components/ProgressBar";
import { formatBytes, formatTimeLeft } from "../../../../lib/transfer-rate";
import type { ActiveUpload } from "./use-video-upload";

/** The running upload: bytes and time left, with pause/failure reasons and its controls. */
export function UploadProgress({
  upload,
  onResume,
  onCancel,
  onDismiss,
}: {
  upload: ActiveUpload;
  onResume: () => void;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const { phase, uploadedBytes, totalBytes, secondsLeft, problem } = upload.snapshot;
  const percent = totalBytes > 0 ? Math.floor((uploadedBytes / totalBytes) * 100) : 0;
  const amounts = `${formatBytes(uploadedBytes)} of ${formatBytes(totalBytes)}`;
  const detail =
    phase === "uploading"
      ? `${amounts} · ${formatTimeLeft(secondsLeft)}`
      : phase === "completing"
        ? "Finishing the upload…"
        : phase === "paused"
          ? `Paused at ${percent} % (${amounts})`
          : amounts;
  return (
    <div className="video-upload">
      <p className="video-upload-name">
        {phase === "failed" ? "Upload failed: " : "Uploading "}
        <strong>{upload.filename}</strong>
      </p>
      {phase !== "failed" && (
        <div className="video-progress">
          <ProgressBar
            percent={percent}
            label="Upload progress"
            valueText={`${percent} %, ${detail}`}
          />
          <span className="video-progress-text">
            {percent} % · {detail}
          </span>
        </div>
      )}
      {upload.warning && <p className="field-hint">{upload.warning}</p>}
      {problem && (
        <p className={phase === "failed" ? "field-error" : "video-note"} role="alert">
          {problem}
        </p>
      )}
      <div className="video-actions">
        {phase === "paused" && (
          <button type="button" className="button button-secondary button-small" onClick={onResume}>
            Resume upload
          </button>
        )}
        {phase === "failed" ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onDismiss}
          >
            Upload another file
          </button>
        ) : (
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={phase === "completing"}
            onClick={onCancel}
          >
            Cancel upload
          </button>
        )}
      </div>
    </div>
  );
}
