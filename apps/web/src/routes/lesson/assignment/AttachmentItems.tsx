import { ProgressBar } from "../../../components/ProgressBar";
import { buttonClass } from "../../../components/ui/Button";
import { formatBytes } from "../../../lib/transfer-rate";
import s from "./Attachments.module.css";
import { type Attachment, type PendingFile, percentOf } from "./attachments";

/**
 * The rows of a learner's attachments: stored files (a download link and Remove), files on
 * their way (a progress bar and Cancel) and refused ones (the reason and Dismiss). Buttons
 * name their file for screen readers; errors are announced as they appear.
 */
export function AttachmentItems({
  stored,
  pending,
  disabled,
  removing,
  removeErrors,
  onRemove,
  onCancel,
  onDismiss,
}: {
  stored: readonly Attachment[];
  pending: readonly PendingFile[];
  disabled: boolean;
  removing: ReadonlySet<string>;
  removeErrors: Readonly<Record<string, string>>;
  onRemove: (attachmentId: string) => void;
  onCancel: (key: string) => void;
  onDismiss: (key: string) => void;
}) {
  const small = buttonClass({ variant: "ghost", size: "small" });
  if (stored.length === 0 && pending.length === 0) return null;
  return (
    <ul className={s.list}>
      {stored.map((attachment) => (
        <li key={attachment.id} className={s.item}>
          <div className={s.row}>
            <a className={s.name} href={attachment.downloadUrl} download={attachment.filename}>
              {attachment.filename}
            </a>
            <span className={s.size}>{formatBytes(attachment.byteSize)}</span>
            {!disabled && (
              <button
                type="button"
                className={small}
                disabled={removing.has(attachment.id)}
                onClick={() => onRemove(attachment.id)}
              >
                {removing.has(attachment.id) ? "Removing…" : "Remove"}
                <span className="visually-hidden"> {attachment.filename}</span>
              </button>
            )}
          </div>
          {removeErrors[attachment.id] && (
            <p className={s.error} role="alert">
              {removeErrors[attachment.id]}
            </p>
          )}
        </li>
      ))}
      {pending.map((file) =>
        file.state === "uploading" ? (
          <li key={file.key} className={s.item}>
            <div className={s.row}>
              <span className={s.name}>{file.name}</span>
              <span className={s.size}>
                {percentOf(file)} % · {formatBytes(file.loaded)} of {formatBytes(file.total)}
              </span>
              <button type="button" className={small} onClick={() => onCancel(file.key)}>
                Cancel<span className="visually-hidden"> uploading {file.name}</span>
              </button>
            </div>
            <ProgressBar
              percent={percentOf(file)}
              label={`Uploading ${file.name}`}
              valueText={`${percentOf(file)} %, ${formatBytes(file.loaded)} of ${formatBytes(file.total)}`}
            />
          </li>
        ) : (
          <li key={file.key} className={`${s.item} ${s.failed}`}>
            <div className={s.row}>
              <span className={s.name}>{file.name}</span>
              <button type="button" className={small} onClick={() => onDismiss(file.key)}>
                Dismiss<span className="visually-hidden"> {file.name}</span>
              </button>
            </div>
            <p className={s.error} role="alert">
              {file.message}
            </p>
          </li>
        ),
      )}
    </ul>
  );
}
