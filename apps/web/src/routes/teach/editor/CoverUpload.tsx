import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useRef, useState } from "react";
import { CourseCover } from "../../../components/CourseCover";
import { buttonClass } from "../../../components/ui/Button";
import { fieldStyles as f } from "../../../components/ui/Field";
import { trpcClient } from "../../../lib/trpc";
import { type EditableCourse, noteUpdatedAt, patchCourse, refreshCourse } from "../api";
import { fieldId } from "../editor-targets";
import { COVER_TYPES, coverProblem, uploadCover } from "./cover-upload";
import s from "./editor.module.css";
import { currentUpdatedAt, useCourseMutation } from "./use-course-mutation";

type Upload =
  | { state: "idle" }
  | { state: "uploading"; progress: number; preview: string }
  | { state: "error"; message: string };

/**
 * The cover image: checked in the browser first (content type by its bytes, size), shown as
 * a preview at once, uploaded with progress, and saved immediately — it is not part of the
 * details form's Save.
 */
export function CoverUpload({ course }: { course: EditableCourse }) {
  const { t } = useLingui();
  const id = fieldId("cover");
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const abort = useRef<() => void>(() => {});
  useEffect(() => () => abort.current(), []);
  const remove = useCourseMutation(course.id, {
    send: () =>
      trpcClient.authoring.updateCourse.mutate({
        courseId: course.id,
        expectedUpdatedAt: currentUpdatedAt(course.id),
        coverImageKey: null,
      }),
    onSuccess: () =>
      patchCourse(course.id, (c) => ({ ...c, coverImageUrl: null, coverImageKey: null })),
  });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const problem = coverProblem(file, head);
    if (problem) return setUpload({ state: "error", message: problem });
    const preview = URL.createObjectURL(file);
    setUpload({ state: "uploading", progress: 0, preview });
    const request = uploadCover(course.id, file, (progress) =>
      setUpload((u) => (u.state === "uploading" ? { ...u, progress } : u)),
    );
    abort.current = request.abort;
    try {
      const { coverImageUrl, updatedAt } = await request.done;
      patchCourse(course.id, (c) => ({ ...c, coverImageUrl }));
      if (updatedAt) noteUpdatedAt(course.id, updatedAt);
      await refreshCourse(course.id);
      setUpload({ state: "idle" });
    } catch (error) {
      setUpload({
        state: "error",
        message: error instanceof Error ? error.message : t`Upload failed.`,
      });
    } finally {
      URL.revokeObjectURL(preview);
    }
  };

  const shown = upload.state === "uploading" ? upload.preview : course.coverImageUrl;
  const error =
    upload.state === "error"
      ? upload.message
      : remove.isError
        ? t`Couldn't remove the cover. Try again.`
        : null;
  return (
    <section className={s.coverCard} aria-labelledby="cover-heading">
      <h2 id="cover-heading">
        <Trans>Cover image</Trans>
      </h2>
      <div className={s.coverFrame}>
        <CourseCover url={shown} category={course.category} eager />
      </div>
      {upload.state === "uploading" && (
        <div className={s.uploadProgress}>
          <progress
            id={`${id}-progress`}
            max={1}
            value={upload.progress}
            aria-label={t`Upload progress`}
          />
          <span role="status">
            <Trans>Uploading… {Math.round(upload.progress * 100)}%</Trans>
          </span>
        </div>
      )}
      <p id={`${id}-hint`} className={f.hint}>
        <Trans>PNG, JPEG or WebP, up to 2 MB. 1280 × 720 px or larger looks best.</Trans>
      </p>
      <div className={s.coverActions}>
        <label className={buttonClass({ variant: "secondary" })}>
          {course.coverImageUrl ? <Trans>Replace image</Trans> : <Trans>Upload image</Trans>}
          <input
            id={id}
            type="file"
            accept={COVER_TYPES.join(",")}
            className="visually-hidden"
            disabled={upload.state === "uploading"}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ""].join(" ").trim()}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </label>
        {course.coverImageUrl && upload.state !== "uploading" && (
          <button
            type="button"
            className={buttonClass({ variant: "ghost" })}
            disabled={remove.isPending}
            onClick={() => remove.mutate(undefined)}
          >
            {remove.isPending ? <Trans>Removing…</Trans> : <Trans>Remove</Trans>}
          </button>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className={f.error} role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
