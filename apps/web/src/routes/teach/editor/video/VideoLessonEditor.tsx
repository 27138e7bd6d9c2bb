import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef } from "react";
import { ErrorState, LoadingState } from "../../../../components/states";
import { linkButtonClass } from "../../../../components/ui/Button";
import type { EditableLesson } from "../../api";
import { refreshCourse } from "../../api";
import { lessonBodyId } from "../../editor-targets";
import { useReportDirty } from "../use-unsaved-changes-guard";
import { CaptionsPanel } from "./CaptionsPanel";
import { PreviewToggle } from "./PreviewToggle";
import { UploadProgress } from "./UploadProgress";
import { useVideoUpload, type VideoUploadState } from "./use-video-upload";
import { VideoDropZone } from "./VideoDropZone";
import { FailedStatus, ProcessingStatus, ReadyFacts } from "./VideoStatusView";
import { isWorking, lessonVideoQuery, type VideoSummary } from "./video-api";
import s from "./video-editor.module.css";
import { announcement } from "./video-status-text";

// The player (and hls.js with it) loads only when there is something to preview.
const PreviewPlayer = lazy(() => import("./PreviewPlayer"));

/** A video lesson's editor: upload (resumable), processing status, preview, captions. */
export function VideoLessonEditor({
  lesson,
  courseId,
}: {
  lesson: EditableLesson;
  courseId: string;
}) {
  const { t } = useLingui();
  const video = useQuery(lessonVideoQuery(lesson.id));
  const upload = useVideoUpload(lesson.id, courseId);
  const latest = video.data?.latest ?? null;
  const current = video.data?.current ?? null;
  const uploading = upload.active !== null && upload.active.snapshot.phase !== "failed";
  useReportDirty(`video:${lesson.id}`, uploading);
  useRefreshWhenSettled(latest, courseId);

  // A stored upload the server no longer waits for (finished or replaced elsewhere) is stale.
  const { pending, forget } = upload;
  const stale =
    !upload.active &&
    pending !== null &&
    video.isSuccess &&
    !(latest?.id === pending.assetId && latest.status === "uploading");
  useEffect(() => {
    if (stale) forget();
  }, [stale, forget]);

  const captionsFor =
    latest && latest.status !== "uploading" && latest.status !== "failed" ? latest : current;
  return (
    <div className={s.editor}>
      <h4 id={lessonBodyId(lesson.id)} tabIndex={-1} className={s.heading}>
        <Trans>Video</Trans>
      </h4>
      <p className="visually-hidden" role="status">
        {announcement(upload.active, latest)}
      </p>
      {video.isPending ? (
        <LoadingState label={t`Loading the video…`} />
      ) : video.isError ? (
        <ErrorState
          message={t`We couldn't load this lesson's video.`}
          onRetry={() => video.refetch()}
        />
      ) : (
        <>
          <LatestStatus latest={latest} current={current} hidden={upload.active !== null} />
          <UploadArea upload={upload} latest={latest} stale={stale} />
          {current?.playableAt && (
            <Suspense fallback={<div className={s.playerSkeleton} aria-hidden="true" />}>
              <PreviewPlayer lessonId={lesson.id} assetId={current.id} title={lesson.title} />
            </Suspense>
          )}
        </>
      )}
      <PreviewToggle lesson={lesson} courseId={courseId} />
      {captionsFor && <CaptionsPanel video={captionsFor} lessonId={lesson.id} />}
    </div>
  );
}

function LatestStatus({
  latest,
  current,
  hidden,
}: {
  latest: VideoSummary | null;
  current: VideoSummary | null;
  hidden: boolean;
}) {
  const replaced = current && latest && current.id !== latest.id;
  return (
    <>
      {!hidden && latest && isWorking(latest.status) && <ProcessingStatus video={latest} />}
      {!hidden && latest?.status === "failed" && <FailedStatus video={latest} />}
      {replaced ? (
        <p className={s.note}>
          <Trans>
            Learners see <strong translate="no">{current.originalFilename}</strong> until the new
            video is playable.
          </Trans>
        </p>
      ) : (
        current?.status === "ready" && <ReadyFacts video={current} />
      )}
    </>
  );
}

function UploadArea({
  upload,
  latest,
  stale,
}: {
  upload: VideoUploadState;
  latest: VideoSummary | null;
  stale: boolean;
}) {
  const { t } = useLingui();
  if (upload.active) {
    return (
      <UploadProgress
        upload={upload.active}
        onResume={upload.resume}
        onCancel={() => void upload.cancel()}
        onDismiss={upload.dismiss}
      />
    );
  }
  const paused = !stale ? upload.pending : null;
  const label = paused
    ? t`Choose the same file`
    : latest?.status === "failed"
      ? t`Upload another file`
      : latest && latest.status !== "uploading"
        ? t`Replace video`
        : t`Choose a video file`;
  return (
    <VideoDropZone
      buttonLabel={label}
      hint={
        paused ? undefined : t`MP4, MOV, WebM or MKV, up to 5 GB. You can also drop the file here.`
      }
      error={upload.error}
      onFile={(file) => void upload.choose(file)}
    >
      {paused && (
        <p className={s.flush}>
          <Trans>
            Upload of <strong translate="no">{paused.filename}</strong> paused at{" "}
            {Math.floor((paused.uploadedBytes / paused.size) * 100)} % — choose the same file to
            resume.
          </Trans>{" "}
          <button type="button" className={linkButtonClass} onClick={() => void upload.cancel()}>
            <Trans>Discard it</Trans>
          </button>
        </p>
      )}
    </VideoDropZone>
  );
}

/** The outline and the publish checklist read the video's state: re-read them as it moves. */
function useRefreshWhenSettled(latest: VideoSummary | null, courseId: string) {
  const key = latest ? `${latest.id}:${latest.status}:${Boolean(latest.playableAt)}` : "";
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current !== key && previous.current !== "") void refreshCourse(courseId);
    previous.current = key;
  }, [key, courseId]);
}
