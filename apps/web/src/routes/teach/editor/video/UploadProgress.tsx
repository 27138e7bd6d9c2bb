import { Trans, useLingui } from "@lingui/react/macro";
import { ProgressBar } from "../../../../components/ProgressBar";
import { buttonClass } from "../../../../components/ui/Button";
import { fieldStyles as f } from "../../../../components/ui/Field";
import { formatBytes, formatTimeLeft } from "../../../../lib/transfer-rate";
import type { ActiveUpload } from "./use-video-upload";
import s from "./video-editor.module.css";

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
  const { t } = useLingui();
  const { phase, uploadedBytes, totalBytes, secondsLeft, problem } = upload.snapshot;
  const percent = totalBytes > 0 ? Math.floor((uploadedBytes / totalBytes) * 100) : 0;
  const uploaded = formatBytes(uploadedBytes);
  const total = formatBytes(totalBytes);
  const amounts = t`${uploaded} of ${total}`;
  const detail =
    phase === "uploading"
      ? `${amounts} · ${formatTimeLeft(secondsLeft)}`
      : phase === "completing"
        ? t`Finishing the upload…`
        : phase === "paused"
          ? t`Paused at ${percent} % (${amounts})`
          : amounts;
  return (
    <div className={s.upload}>
      <p>
        {phase === "failed" ? (
          <Trans>
            Upload failed: <strong translate="no">{upload.filename}</strong>
          </Trans>
        ) : (
          <Trans>
            Uploading <strong translate="no">{upload.filename}</strong>
          </Trans>
        )}
      </p>
      {phase !== "failed" && (
        <div className={s.progress}>
          <ProgressBar
            percent={percent}
            label={t`Upload progress`}
            valueText={`${percent} %, ${detail}`}
          />
          <span className={s.progressText}>
            {percent} % · {detail}
          </span>
        </div>
      )}
      {upload.warning && <p className={f.hint}>{upload.warning}</p>}
      {problem && (
        <p className={phase === "failed" ? f.error : s.note} role="alert">
          {problem}
        </p>
      )}
      <div className={s.actions}>
        {phase === "paused" && (
          <button
            type="button"
            className={buttonClass({ variant: "secondary", size: "small" })}
            onClick={onResume}
          >
            <Trans>Resume upload</Trans>
          </button>
        )}
        {phase === "failed" ? (
          <button
            type="button"
            className={buttonClass({ variant: "secondary", size: "small" })}
            onClick={onDismiss}
          >
            <Trans>Upload another file</Trans>
          </button>
        ) : (
          <button
            type="button"
            className={buttonClass({ variant: "ghost", size: "small" })}
            disabled={phase === "completing"}
            onClick={onCancel}
          >
            <Trans>Cancel upload</Trans>
          </button>
        )}
      </div>
    </div>
  );
}
