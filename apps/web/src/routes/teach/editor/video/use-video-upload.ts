import { t } from "@lingui/core/macro";
import { useCallback, useEffect, useRef, useState } from "react";
import { trpcClient } from "../../../../lib/trpc";
import { edgeTransport } from "./upload-transport";
import { refreshLessonVideo } from "./video-api";
import {
  checkVideoFile,
  clearPendingUpload,
  isSameFile,
  type PendingUpload,
  readPendingUpload,
  writePendingUpload,
} from "./video-file";
import {
  createVideoUpload,
  type UploadSnapshot,
  type UploadTicket,
  type VideoUpload,
} from "./video-upload";

export interface ActiveUpload {
  filename: string;
  snapshot: UploadSnapshot;
  warning: string | null;
}

// Made when the upload pauses, in the language shown then (global `t`).
const offline = () => t`You're offline. The upload continues when you're back online.`;
/** A pause caused by failing requests while the browser says it is online: try again soon. */
const RETRY_PAUSED_MS = 10_000;

const store = () => window.localStorage;

/**
 * The lesson editor's upload: picks up where a reload left off (the same file, by name, size
 * and modification time), pauses when the browser goes offline and continues when it is back,
 * finishes with `completeUpload`, and cancels everywhere (edge, API, this browser).
 */
export function useVideoUpload(lessonId: string, courseId: string) {
  const [pending, setPending] = useState<PendingUpload | null>(() =>
    readPendingUpload(store(), lessonId),
  );
  const [active, setActive] = useState<ActiveUpload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<{ upload: VideoUpload; assetId: string } | null>(null);

  const forget = useCallback(() => {
    clearPendingUpload(store(), lessonId);
    setPending(null);
  }, [lessonId]);

  const drive = useCallback(
    async (upload: VideoUpload, assetId: string) => {
      if ((await upload.start()) !== "done" || current.current?.upload !== upload) return;
      try {
        await trpcClient.video.completeUpload.mutate({ assetId });
        current.current = null;
        forget();
        setActive(null);
        await refreshLessonVideo(lessonId, courseId);
      } catch (caught) {
        const problem = caught instanceof Error ? caught.message : t`The upload failed.`;
        setActive((a) => a && { ...a, snapshot: { ...a.snapshot, phase: "failed", problem } });
      }
    },
    [courseId, forget, lessonId],
  );

  const choose = async (file: File) => {
    setError(null);
    const check = checkVideoFile(file);
    if (!check.ok) return setError(check.error);
    if (current.current) return setError(t`An upload is already running. Cancel it first.`);
    let assetId: string;
    let ticket: UploadTicket | null = null;
    const previous = pending;
    if (previous && isSameFile(previous, file)) {
      ticket = await renewTicket(previous.assetId).catch(
        () => null, // no longer resumable (cancelled, or finished elsewhere): start afresh
      );
    }
    if (previous && ticket) {
      assetId = previous.assetId;
    } else {
      if (previous) await discardAtEdge(previous.assetId);
      try {
        const created = await trpcClient.video.createUpload.mutate({
          lessonId,
          filename: file.name,
          byteSize: file.size,
        });
        assetId = created.assetId;
        ticket = created.upload;
      } catch (caught) {
        return setError(caught instanceof Error ? caught.message : t`Couldn't start the upload.`);
      }
    }
    const record: PendingUpload = {
      assetId,
      filename: file.name,
      size: file.size,
      lastModified: file.lastModified,
      uploadedBytes: previous?.assetId === assetId ? previous.uploadedBytes : 0,
    };
    writePendingUpload(store(), lessonId, record);
    setPending(record);
    let saved = record.uploadedBytes;
    const upload = createVideoUpload({
      file,
      ticket,
      transport: edgeTransport,
      renewTicket: () => renewTicket(assetId),
      onChange: (snapshot) => {
        setActive({ filename: file.name, snapshot, warning: check.warning });
        // "Paused at 42 %" after a reload: what the edge holds, written as each part lands.
        if (snapshot.confirmedBytes !== saved) {
          saved = snapshot.confirmedBytes;
          writePendingUpload(store(), lessonId, { ...record, uploadedBytes: saved });
        }
      },
    });
    current.current = { upload, assetId };
    void refreshLessonVideo(lessonId, courseId);
    if (!navigator.onLine) upload.pause(offline());
    else await drive(upload, assetId);
  };

  const resume = () => {
    const running = current.current;
    if (running) void drive(running.upload, running.assetId);
  };

  const cancel = async () => {
    const running = current.current;
    current.current = null;
    setActive(null);
    forget();
    if (running) {
      await running.upload.cancel();
      await trpcClient.video.cancelUpload.mutate({ assetId: running.assetId }).catch(() => {});
    } else if (pending) {
      await discardAtEdge(pending.assetId);
      await trpcClient.video.cancelUpload.mutate({ assetId: pending.assetId }).catch(() => {});
    }
    await refreshLessonVideo(lessonId, courseId);
  };

  /** After a failure: put the picker back. */
  const dismiss = () => {
    current.current = null;
    setActive(null);
    forget();
    void refreshLessonVideo(lessonId, courseId);
  };

  useEffect(() => {
    const onOffline = () => current.current?.upload.pause(offline());
    const online = () => {
      const running = current.current;
      if (running?.upload.snapshot().phase === "paused")
        void drive(running.upload, running.assetId);
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", online);
    };
  }, [drive]);

  // Leaving the editor stops sending; the stored record lets the next visit resume.
  useEffect(() => () => current.current?.upload.pause(), []);

  const phase = active?.snapshot.phase;
  const problem = active?.snapshot.problem;
  useEffect(() => {
    if (phase !== "paused" || !problem || problem === offline()) return;
    const timer = setTimeout(() => navigator.onLine && resume(), RETRY_PAUSED_MS);
    return () => clearTimeout(timer);
  });

  return { pending, active, error, choose, resume, cancel, dismiss, forget };
}

export type VideoUploadState = ReturnType<typeof useVideoUpload>;

/** A fresh upload token for an asset still uploading (the old one expired or was lost). */
async function renewTicket(assetId: string): Promise<UploadTicket> {
  return (await trpcClient.video.resumeUpload.mutate({ assetId })).upload;
}

/** Best effort: abort an abandoned multipart upload at the edge with a fresh ticket. */
async function discardAtEdge(assetId: string) {
  try {
    const ticket = await renewTicket(assetId);
    await edgeTransport.discard(ticket.url);
  } catch {
    // Already cancelled or complete; the edge's parts expire with the asset.
  }
}
