import { t } from "@lingui/core/macro";
import { createRateMeter, secondsLeft } from "../../../../lib/transfer-rate";
import {
  isRetriable,
  TransferError,
  transferFailureMessage,
  type UploadTransport,
} from "./upload-transport";

/**
 * A resumable upload of one video file straight to the edge (ADR 0006). Parts go up in
 * order, two in flight; a part that hits the network or a 5xx is retried with backoff; an
 * expired ticket (403) is renewed through the API once and the request repeated; every
 * (re)start asks the edge which parts it already has, so a pause, a reload or a dropped
 * connection costs at most the parts that were in flight. Framework-free: the editor drives
 * it, tests script its transport.
 */
export interface UploadTicket {
  url: string;
  partBytes: number;
  byteSize: number;
}

export type UploadPhase = "uploading" | "paused" | "completing" | "done" | "cancelled" | "failed";

export interface UploadSnapshot {
  phase: UploadPhase;
  /** Shown progress: bytes stored at the edge plus bytes of parts on their way. */
  uploadedBytes: number;
  /** Bytes of the parts the edge has confirmed: where a resumed upload starts. */
  confirmedBytes: number;
  totalBytes: number;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  /** Why it paused or failed, for the instructor to read. */
  problem: string | null;
}

export interface VideoUploadOptions {
  file: Blob;
  ticket: UploadTicket;
  transport: UploadTransport;
  /** A fresh ticket for the same asset (video.resumeUpload) when the edge says 403. */
  renewTicket: () => Promise<UploadTicket>;
  onChange?: (snapshot: UploadSnapshot) => void;
  concurrency?: number;
  /** Tries per request before the upload pauses (network) or fails (anything else). */
  maxAttempts?: number;
  retryDelayMs?: (attempt: number) => number;
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface VideoUpload {
  /** Uploads what the edge lacks, then completes; settles with the phase it stopped in. */
  start(): Promise<UploadPhase>;
  /** Stops sending (in-flight parts are dropped); `start()` continues later. */
  pause(problem?: string): void;
  /** Stops and aborts the multipart upload at the edge. */
  cancel(): Promise<void>;
  snapshot(): UploadSnapshot;
}

// Messages are made as the upload runs, in the language shown then (global `t`).
const offline = () => t`The connection dropped. The upload continues when you're back online.`;

interface Run {
  stopped: boolean;
  requests: Set<{ abort(): void }>;
}

class Stopped extends Error {}

export function createVideoUpload(options: VideoUploadOptions): VideoUpload {
  const { file, transport } = options;
  const concurrency = options.concurrency ?? 2;
  const maxAttempts = options.maxAttempts ?? 4;
  const retryDelay = options.retryDelayMs ?? ((attempt) => Math.min(8_000, 500 * 2 ** attempt));
  const wait = options.wait ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => Date.now());
  const meter = createRateMeter();
  let ticket = options.ticket;
  let renewing: Promise<void> | null = null;
  let run: Run | null = null;
  let running: Promise<UploadPhase> | null = null;
  let acknowledged = new Map<number, number>();
  const inFlight = new Map<number, number>();
  let state: UploadSnapshot = {
    phase: "paused",
    uploadedBytes: 0,
    confirmedBytes: 0,
    totalBytes: file.size,
    bytesPerSecond: null,
    secondsLeft: null,
    problem: null,
  };

  const emit = (patch: Partial<UploadSnapshot>) => {
    state = { ...state, ...patch };
    options.onChange?.(state);
  };
  const reportProgress = () => {
    let confirmedBytes = 0;
    for (const size of acknowledged.values()) confirmedBytes += size;
    let bytes = confirmedBytes;
    for (const loaded of inFlight.values()) bytes += loaded;
    // A failed part takes its in-flight bytes back; the bar holds until the retry passes it.
    const uploadedBytes = Math.min(file.size, Math.max(state.uploadedBytes, bytes));
    meter.sample(uploadedBytes, now());
    const rate = meter.rate();
    emit({
      uploadedBytes,
      confirmedBytes,
      bytesPerSecond: rate,
      secondsLeft: secondsLeft(file.size - uploadedBytes, rate),
    });
  };
  const ensureRunning = (current: Run) => {
    if (current.stopped) throw new Stopped();
  };

  const renewAfter = async (usedUrl: string) => {
    if (ticket.url !== usedUrl) return; // another request renewed it meanwhile
    renewing ??= options
      .renewTicket()
      .then((fresh) => {
        ticket = fresh;
      })
      .finally(() => {
        renewing = null;
      });
    await renewing;
  };

  /** One edge request with ticket renewal and backoff; the op gets the current URL. */
  const attempt = async <T>(current: Run, op: (url: string) => Promise<T>): Promise<T> => {
    let renewed = false;
    for (let tries = 1; ; tries++) {
      ensureRunning(current);
      const url = ticket.url;
      try {
        return await op(url);
      } catch (error) {
        ensureRunning(current);
        if (error instanceof TransferError && error.status === 403 && !renewed) {
          renewed = true;
          await renewAfter(url);
          tries--;
          continue;
        }
        if (!isRetriable(error) || tries >= maxAttempts) throw error;
        await wait(retryDelay(tries));
      }
    }
  };

  const sendPart = (current: Run, partNumber: number, partBytes: number) =>
    attempt(current, async (url) => {
      const from = (partNumber - 1) * partBytes;
      const body = file.slice(from, Math.min(file.size, from + partBytes));
      const request = transport.sendPart(url, partNumber, body, (loaded) => {
        if (current.stopped) return;
        inFlight.set(partNumber, Math.min(loaded, body.size));
        reportProgress();
      });
      current.requests.add(request);
      try {
        await request.done;
        acknowledged.set(partNumber, body.size);
      } finally {
        current.requests.delete(request);
        inFlight.delete(partNumber);
        if (!current.stopped) reportProgress();
      }
    });

  const sendMissing = async (current: Run, totalParts: number, partBytes: number) => {
    const queue: number[] = [];
    for (let n = 1; n <= totalParts; n++) if (!acknowledged.has(n)) queue.push(n);
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        await sendPart(current, next, partBytes);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  };

  const execute = async (current: Run): Promise<UploadPhase> => {
    try {
      // A 409 on complete means the edge lacks a part after all: ask again, send it, retry.
      for (let round = 0; round < 3; round++) {
        const edge = await attempt(current, (url) => transport.begin(url));
        acknowledged = new Map(edge.parts.map((p) => [p.partNumber, p.size]));
        reportProgress();
        if (!edge.completed) await sendMissing(current, edge.totalParts, edge.partBytes);
        ensureRunning(current);
        emit({ phase: "completing" });
        try {
          await attempt(current, (url) => transport.complete(url));
          emit({
            phase: "done",
            uploadedBytes: file.size,
            confirmedBytes: file.size,
            secondsLeft: 0,
            problem: null,
          });
          return "done";
        } catch (error) {
          if (!(error instanceof TransferError && error.status === 409)) throw error;
          emit({ phase: "uploading" });
        }
      }
      throw new Error(t`The upload server kept reporting missing parts.`);
    } catch (error) {
      if (current.stopped) return state.phase;
      stop(current);
      if (isRetriable(error)) {
        emit({ phase: "paused", problem: offline(), bytesPerSecond: null, secondsLeft: null });
        return "paused";
      }
      emit({ phase: "failed", problem: transferFailureMessage(error) });
      return "failed";
    }
  };

  function stop(current: Run) {
    current.stopped = true;
    for (const request of current.requests) request.abort();
    current.requests.clear();
    inFlight.clear();
    meter.reset();
  }

  return {
    start() {
      if (running && run && !run.stopped) return running;
      if (state.phase === "done" || state.phase === "cancelled")
        return Promise.resolve(state.phase);
      const current: Run = { stopped: false, requests: new Set() };
      run = current;
      emit({ phase: "uploading", problem: null });
      running = execute(current);
      return running;
    },
    pause(problem) {
      if (!run || run.stopped || state.phase === "completing") return;
      stop(run);
      emit({ phase: "paused", problem: problem ?? null, bytesPerSecond: null, secondsLeft: null });
    },
    async cancel() {
      if (run) stop(run);
      emit({ phase: "cancelled", problem: null, bytesPerSecond: null, secondsLeft: null });
      const scratch: Run = { stopped: false, requests: new Set() };
      // Best effort: an upload the edge cannot abort now expires with its ticket.
      await attempt(scratch, (url) => transport.discard(url)).catch(() => {});
    },
    snapshot: () => state,
  };
}
