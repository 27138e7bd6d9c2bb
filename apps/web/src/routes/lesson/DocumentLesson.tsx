import { buttonClass } from "../../components/ui/Button";
import { formatBytes } from "../../lib/transfer-rate";
import type { LessonContent } from "../learn/api";
import s from "./lesson.module.css";

/**
 * A PDF lesson: the browser's own viewer inline, with a download link beside it and inside it
 * (what a browser without a PDF viewer, or a phone, shows instead).
 */
export function DocumentLesson({ content }: { content: LessonContent }) {
  const doc = content.document;
  if (!doc) {
    return (
      <div className={s.notice} role="status">
        <p>The document for this lesson hasn't been uploaded yet. Check back soon.</p>
      </div>
    );
  }
  const size = formatBytes(doc.byteSize);
  return (
    <figure className={s.pdf}>
      <object
        className={s.pdfFrame}
        data={doc.url}
        type="application/pdf"
        title={`${content.title} (PDF document)`}
        aria-label={`${content.title} (PDF document)`}
      >
        <div className={s.pdfFallback}>
          <p>This browser can't show the PDF here.</p>
          <a
            className={buttonClass({ variant: "primary" })}
            href={doc.downloadUrl}
            download={doc.filename}
          >
            Download the PDF ({size})
          </a>
        </div>
      </object>
      <figcaption className={s.pdfCaption}>
        <span className={s.pdfName}>
          {doc.filename} <span className="muted">· PDF, {size}</span>
        </span>
        <span className={s.pdfActions}>
          <a href={doc.url} target="_blank" rel="noopener">
            Open in a new tab<span className="visually-hidden"> (opens a new tab)</span>
          </a>
          <a
            className={buttonClass({ variant: "secondary", size: "small" })}
            href={doc.downloadUrl}
            download={doc.filename}
          >
            Download
            <span className="visually-hidden"> {doc.filename}</span>
          </a>
        </span>
      </figcaption>
    </figure>
  );
}
