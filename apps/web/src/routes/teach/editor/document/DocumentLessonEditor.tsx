import { Trans, useLingui } from "@lingui/react/macro";
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
  const { t } = useLingui();
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
      const { filename } = stored;
      setUpload({ state: "idle", note: t`Uploaded ${filename}.` });
      await refreshCourse(courseId);
    } catch (error) {
      setUpload(
        error instanceof UploadCancelled
          ? { state: "idle", note: t`Upload cancelled. The lesson keeps its previous PDF.` }
          : { state: "error", message: error instanceof Error ? error.message : t`Upload failed.` },
      );
    } finally {
      abort.current = null;
    }
  };

  return (
    <div className={s.editor}>
      <h4 id={lessonBodyId(lesson.id)} tabIndex={-1} className={s.heading}>
        <Trans>PDF document</Trans>
      </h4>
      {current ? (
        <div className={s.documentCurrent}>
          <span className={s.documentIcon} aria-hidden="true">
            PDF
          </span>
          <p>
            <strong translate="no">{current.filename}</strong>{" "}
            <span className="muted">{formatBytes(current.byteSize)}</span>
          </p>
          <a
            href={documentPreviewUrl(lesson.id, current)}
            target="_blank"
            rel="noopener"
            className={buttonClass({ variant: "ghost", size: "small" })}
          >
            <Trans>
              Open<span className="visually-hidden"> {current.filename} (opens in a new tab)</span>
            </Trans>
          </a>
        </div>
      ) : (
        !uploading && (
          <p className="muted">
            <Trans>No PDF yet. Learners read it here and can download it.</Trans>
          </p>
        )
      )}
      {upload.state === "uploading" ? (
        <UploadingDocument upload={upload} onCancel={() => abort.current?.()} />
      ) : (
        <VideoDropZone
          buttonLabel={current ? t`Replace PDF` : t`Choose a PDF`}
          accept="application/pdf,.pdf"
          hint={t`A PDF file up to 50 MiB. You can also drop it here.`}
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
  const { t } = useLingui();
  const percent = upload.total > 0 ? Math.floor((upload.loaded / upload.total) * 100) : 0;
  const uploaded = formatBytes(upload.loaded);
  const total = formatBytes(upload.total);
  const amounts = t`${uploaded} of ${total}`;
  return (
    <div className={s.upload}>
      <p>
        <Trans>
          Uploading <strong translate="no">{upload.filename}</strong>
        </Trans>
      </p>
      <div className={s.progress}>
        <ProgressBar
          percent={percent}
          label={t`Upload progress`}
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
          <Trans>Cancel upload</Trans>
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
