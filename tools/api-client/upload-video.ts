import type { Api } from "./session";

export interface UploadVideoOptions {
  filename: string;
  /** How long to wait for the runner to make it playable (default 60 s). */
  timeoutMs?: number;
  /** Each status the editor would show while waiting ("processing 40 %", …). */
  onStatus?: (status: string) => void;
}

/**
 * The lesson editor's upload, without the editor: a ticket, the parts straight to the edge,
 * complete, then wait until the job runner has made the video ready.
 */
export async function uploadLessonVideo(
  api: Api,
  lessonId: string,
  bytes: Uint8Array<ArrayBuffer>,
  { filename, timeoutMs = 60_000, onStatus }: UploadVideoOptions,
): Promise<void> {
  const { assetId, upload } = await api.video.createUpload.mutate({
    lessonId,
    filename,
    byteSize: bytes.byteLength,
  });
  await edge(upload.url, { method: "POST" });
  for (let part = 1, at = 0; at < bytes.byteLength; part += 1, at += upload.partBytes) {
    await edge(`${upload.url}/parts/${part}`, {
      method: "PUT",
      body: bytes.subarray(at, at + upload.partBytes),
    });
  }
  await edge(`${upload.url}/complete`, { method: "POST" });
  await api.video.completeUpload.mutate({ assetId });
  await waitUntilReady(api, lessonId, timeoutMs, onStatus);
}

async function waitUntilReady(
  api: Api,
  lessonId: string,
  timeoutMs: number,
  onStatus?: (status: string) => void,
) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    // `latest` is the upload on its way; `current` only what learners already play.
    const { latest } = await api.video.lessonVideo.query({ lessonId });
    if (latest?.processingUnavailable) {
      throw new Error(`video processing is unavailable: ${latest.processingUnavailable}`);
    }
    const status = latest?.status ?? "uploading";
    if (status === "ready") return;
    if (status === "failed" || status === "cancelled") {
      throw new Error(`the video ${status}: ${latest?.failureReason ?? "no reason given"}`);
    }
    const shown = status === "processing" ? `processing ${latest?.percent ?? 0} %` : status;
    if (shown !== last) onStatus?.(shown);
    last = shown;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the video was not ready within ${Math.round(timeoutMs / 1000)} s`);
}

async function edge(url: string, init: RequestInit) {
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new Error(`${init.method} ${url} → ${response.status} ${await response.text()}`);
  }
  await response.arrayBuffer(); // drained, not cancelled (local wrangler dev, ADR 0006)
}
