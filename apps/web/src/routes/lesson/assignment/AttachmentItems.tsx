import { Trans, useLingui } from "@lingui/react/macro";
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
            <a
              className={s.name}
              href={attachment.downloadUrl}
              download={attachment.filename}
              translate="no"
            >
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
                {removing.has(attachment.id) ? <Trans>Removing…</Trans> : <Trans>Remove</Trans>}
                <span className="visually-hidden" translate="no">
                  {" "}
                  {attachment.filename}
                </span>
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
          <UploadingItem key={file.key} file={file} buttonClass={small} onCancel={onCancel} />
        ) : (
          <li key={file.key} className={`${s.item} ${s.failed}`}>
            <div className={s.row}>
              <span className={s.name} translate="no">
                {file.name}
              </span>
              <button type="button" className={small} onClick={() => onDismiss(file.key)}>
                <Trans>Dismiss</Trans>
                <span className="visually-hidden" translate="no">
                  {" "}
                  {file.name}
                </span>
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

/** A file on its way: its progress in words and as a bar, and Cancel. */
function UploadingItem({
  file,
  buttonClass: small,
  onCancel,
}: {
  file: Extract<PendingFile, { state: "uploading" }>;
  buttonClass: string;
  onCancel: (key: string) => void;
}) {
  const { t } = useLingui();
  const { name } = file;
  const percent = percentOf(file);
  const loaded = formatBytes(file.loaded);
  const total = formatBytes(file.total);
  return (
    <li className={s.item}>
      <div className={s.row}>
        <span className={s.name} translate="no">
          {name}
        </span>
        <span className={s.size}>
          <Trans>
            {percent} % · {loaded} of {total}
          </Trans>
        </span>
        <button type="button" className={small} onClick={() => onCancel(file.key)}>
          <Trans>
            Cancel<span className="visually-hidden"> uploading {name}</span>
          </Trans>
        </button>
      </div>
      <ProgressBar
        percent={percent}
        label={t`Uploading ${name}`}
        valueText={t`${percent} %, ${loaded} of ${total}`}
      />
    </li>
  );
}
