import { useQuery } from "@tanstack/react-query";
import { formatBytes } from "../../../lib/transfer-rate";
import { trpc } from "../../../lib/trpc";
import s from "./Attachments.module.css";
import { type Attachment, refusalMessage } from "./attachments";

const KIND: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/webp": "WebP image",
  "image/gif": "GIF image",
  "text/plain": "Text",
  "text/markdown": "Markdown",
  "application/zip": "ZIP archive",
};

/**
 * A submission's attachments as download links, for whoever may read the submission (its
 * author, the course's staff, a reviewer it is leased to). Each link is the API's download
 * route, which checks access again with the session cookie.
 */
export function AttachmentList({ submissionId }: { submissionId: string }) {
  const attachments = useQuery(trpc.assignmentFiles.forSubmission.queryOptions({ submissionId }));
  if (attachments.isPending) return <p className={s.note}>Loading attachments…</p>;
  if (attachments.isError) {
    return (
      <p className={s.error} role="alert">
        {refusalMessage(attachments.error)}
      </p>
    );
  }
  return <AttachmentLinks attachments={attachments.data} />;
}

export function AttachmentLinks({ attachments }: { attachments: readonly Attachment[] }) {
  if (attachments.length === 0) return <p className={s.note}>No files attached.</p>;
  return (
    <ul className={s.list} aria-label="Attached files">
      {attachments.map((attachment) => (
        <li key={attachment.id} className={s.item}>
          <div className={s.row}>
            <a className={s.name} href={attachment.downloadUrl} download={attachment.filename}>
              {attachment.filename}
              <span className="visually-hidden"> (download)</span>
            </a>
            <span className={s.size}>
              {KIND[attachment.contentType] ?? "File"} · {formatBytes(attachment.byteSize)}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
