import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { formatBytes } from "../../../lib/transfer-rate";
import { trpc } from "../../../lib/trpc";
import s from "./Attachments.module.css";
import { type Attachment, refusalMessage } from "./attachments";

// Descriptors, translated where shown.
const KIND: Record<string, MessageDescriptor> = {
  "application/pdf": msg`PDF`,
  "image/png": msg`PNG image`,
  "image/jpeg": msg`JPEG image`,
  "image/webp": msg`WebP image`,
  "image/gif": msg`GIF image`,
  "text/plain": msg`Text`,
  "text/markdown": msg`Markdown`,
  "application/zip": msg`ZIP archive`,
};
const FILE = msg`File`;

/**
 * A submission's attachments as download links, for whoever may read the submission (its
 * author, the course's staff, a reviewer it is leased to). Each link is the API's download
 * route, which checks access again with the session cookie.
 */
export function AttachmentList({ submissionId }: { submissionId: string }) {
  const attachments = useQuery(trpc.assignmentFiles.forSubmission.queryOptions({ submissionId }));
  if (attachments.isPending) {
    return (
      <p className={s.note}>
        <Trans>Loading attachments…</Trans>
      </p>
    );
  }
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
  const { t } = useLingui();
  if (attachments.length === 0) {
    return (
      <p className={s.note}>
        <Trans>No files attached.</Trans>
      </p>
    );
  }
  return (
    <ul className={s.list} aria-label={t`Attached files`}>
      {attachments.map((attachment) => (
        <li key={attachment.id} className={s.item}>
          <div className={s.row}>
            <a className={s.name} href={attachment.downloadUrl} download={attachment.filename}>
              <span translate="no">{attachment.filename}</span>
              <span className="visually-hidden">
                {" "}
                <Trans>(download)</Trans>
              </span>
            </a>
            <span className={s.size}>
              {t(KIND[attachment.contentType] ?? FILE)} · {formatBytes(attachment.byteSize)}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
