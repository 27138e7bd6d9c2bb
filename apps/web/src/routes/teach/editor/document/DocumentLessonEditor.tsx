import { useEffect, useRef, useState } from "react";
import { ProgressBar } from "../../../../components/ProgressBar";
import { buttonClass } from "../../../../components/ui/Button";
import { formatBytes } from "../../../../lib/transfer-rate";
import { type EditableLesson, patchCourse, refreshCourse } from "../../api";
import { lessonBodyId } from "../../editor-targets";
import { useReportDirty } from "../use-unsaved-changes-guard";
import { VideoDropZone } from "../video/VideoDropZone";
import s from "../video/video-editor.module.css";
import {
  documentPreviewUrl,
  pdfProblem,
  type StoredDocument,
  UploadCancelled,
  uploadDocument,
} from "./document-upload";

type Upload =
  | { state: "idle"; note: string | null }
  | { state: "uploading"; filename: string; loaded: number; total: number }
  | { state: "error"; message: string };

/** A PDF lesson's editor: the current document (open it), and choose, drop or replace it. */
export function DocumentLessonEditor({
  lesson,
  courseId,
}: {
  lesson: EditableLesson;
  courseId: string;
}) {
  const [upload, setUpload] = useState<Upload>({ state: "idle", note: null });
  const abort = useRef<(() => void) | null>(null);
  useEffect(() => () => abort.current?.(), []);
  const uploading = upload.state === "uploading";
  useReportDirty(`document:${lesson.id}`, uploading);
  const current = lesson.document;

  const onFile = async (file: File) => {
    if (abort.current) return;
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const problem = pdfProblem(file, head);
    if (problem) return setUpload({ state: "error", message: problem });
    setUpload({ state: "uploading", filename: file.name, loaded: 0, total: file.size });
    const request = uploadDocument(lesson.id, file, (loaded, total) =>
      setUpload((u) => (u.state === "uploading" ? { ...u, loaded, total: total || u.total } : u)),
    );
    abort.current = request.abort;
    try {
      const stored = await request.done;
      showDocument(courseId, lesson.id, stored);
      setUpload({ state: "idle", note: `Uploaded ${stored.filename}.` });
      await refreshCourse(courseId);
    } catch (error) {
      setUpload(
        error instanceof UploadCancelled
          ? { state: "idle", note: "Upload cancelled. The lesson keeps its previous PDF." }
          : { state: "error", message: error instanceof Error ? error.message : "Upload failed." },
      );
    } finally {
      abort.current = null;
    }
  };

  return (
    <div className={s.editor}>
      <h4 id={lessonBodyId(lesson.id)} tabIndex={-1} className={s.heading}>
        PDF document
      </h4>
      {current ? (
        <div className={s.documentCurrent}>
          <span className={s.documentIcon} aria-hidden="true">
            PDF
          </span>
          <p>
            <strong>{current.filename}</strong>{" "}
            <span className="muted">{formatBytes(current.byteSize)}</span>
          </p>
          <a
            href={documentPreviewUrl(lesson.id, current)}
            target="_blank"
            rel="noopener"
            className={buttonClass({ variant: "ghost", size: "small" })}
          >
            Open<span className="visually-hidden"> {current.filename} (opens in a new tab)</span>
          </a>
        </div>
      ) : (
        !uploading && (
          <p className="muted">No PDF yet. Learners read it here and can download it.</p>
        )
      )}
      {upload.state === "uploading" ? (
        <UploadingDocument upload={upload} onCancel={() => abort.current?.()} />
      ) : (
        <VideoDropZone
          buttonLabel={current ? "Replace PDF" : "Choose a PDF"}
          accept="application/pdf,.pdf"
          hint="A PDF file up to 50 MiB. You can also drop it here."
          error={upload.state === "error" ? upload.message : null}
          onFile={(file) => void onFile(file)}
        />
      )}
      <p className="visually-hidden" role="status">
        {upload.state === "idle" ? upload.note : ""}
      </p>
    </div>
  );
}

function UploadingDocument({
  upload,
  onCancel,
}: {
  upload: { filename: string; loaded: number; total: number };
  onCancel: () => void;
}) {
  const percent = upload.total > 0 ? Math.floor((upload.loaded / upload.total) * 100) : 0;
  const amounts = `${formatBytes(upload.loaded)} of ${formatBytes(upload.total)}`;
  return (
    <div className={s.upload}>
      <p>
        Uploading <strong>{upload.filename}</strong>
      </p>
      <div className={s.progress}>
        <ProgressBar
          percent={percent}
          label="Upload progress"
          valueText={`${percent} %, ${amounts}`}
        />
        <span className={s.progressText}>
          {percent} % · {amounts}
        </span>
      </div>
      <div className={s.actions}>
        <button
          type="button"
          className={buttonClass({ variant: "ghost", size: "small" })}
          onClick={onCancel}
        >
          Cancel upload
        </button>
      </div>
    </div>
  );
}

/** The outline shows the new document at once; refreshCourse then confirms it. */
function showDocument(courseId: string, lessonId: string, stored: StoredDocument) {
  patchCourse(courseId, (course) => ({
    ...course,
    modules: course.modules.map((m) => ({
      ...m,
      lessons: m.lessons.map((l) => (l.id === lessonId ? { ...l, document: stored } : l)),
    })),
  }));
}
