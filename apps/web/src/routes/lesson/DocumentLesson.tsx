import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../components/ui/Button";
import { formatBytes } from "../../lib/transfer-rate";
import type { LessonContent } from "../learn/api";
import s from "./lesson.module.css";

/**
 * A PDF lesson: the browser's own viewer inline, with a download link beside it and inside it
 * (what a browser without a PDF viewer, or a phone, shows instead).
 */
export function DocumentLesson({ content }: { content: LessonContent }) {
  const { t } = useLingui();
  const doc = content.document;
  if (!doc) {
    return (
      <div className={s.notice} role="status">
        <p>
          <Trans>The document for this lesson hasn't been uploaded yet. Check back soon.</Trans>
        </p>
      </div>
    );
  }
  const size = formatBytes(doc.byteSize);
  const title = content.title;
  const label = t`${title} (PDF document)`;
  return (
    <figure className={s.pdf}>
      <object
        className={s.pdfFrame}
        data={doc.url}
        type="application/pdf"
        title={label}
        aria-label={label}
      >
        <div className={s.pdfFallback}>
          <p>
            <Trans>This browser can't show the PDF here.</Trans>
          </p>
          <a
            className={buttonClass({ variant: "primary" })}
            href={doc.downloadUrl}
            download={doc.filename}
          >
            <Trans>Download the PDF ({size})</Trans>
          </a>
        </div>
      </object>
      <figcaption className={s.pdfCaption}>
        <span className={s.pdfName}>
          <span translate="no">{doc.filename}</span>{" "}
          <span className="muted">
            <Trans>· PDF, {size}</Trans>
          </span>
        </span>
        <span className={s.pdfActions}>
          <a href={doc.url} target="_blank" rel="noopener">
            <Trans>
              Open in a new tab<span className="visually-hidden"> (opens a new tab)</span>
            </Trans>
          </a>
          <a
            className={buttonClass({ variant: "secondary", size: "small" })}
            href={doc.downloadUrl}
            download={doc.filename}
          >
            <Trans>Download</Trans>
            <span className="visually-hidden" translate="no">
              {" "}
              {doc.filename}
            </span>
          </a>
        </span>
      </figcaption>
    </figure>
  );
}
