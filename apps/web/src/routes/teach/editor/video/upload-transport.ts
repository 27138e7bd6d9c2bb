import { t } from "@lingui/core/macro";
import { fieldOf, parseJsonSafely, XhrInterrupted, xhrPut } from "../../../../lib/xhr-put";

/**
 * The edge's upload protocol (ADR 0006) as a small interface, so the uploader can be driven
 * by a scripted transport in tests and by XHR/fetch in the browser. The token is in the URL:
 * no cookies, CORS open.
 */
export interface EdgeUploadState {
  partBytes: number;
  totalParts: number;
  parts: Array<{ partNumber: number; size: number }>;
  uploadedBytes: number;
  completed: boolean;
}

export interface PartSend {
  done: Promise<void>;
  abort(): void;
}

export interface UploadTransport {
  /** `POST <url>`: start, or learn which parts the edge already stored. */
  begin(url: string): Promise<EdgeUploadState>;
  /** `PUT <url>/parts/<n>` with exactly part n's bytes; progress is bytes of this part sent. */
  sendPart(
    url: string,
    partNumber: number,
    body: Blob,
    onProgress: (loaded: number) => void,
  ): PartSend;
  /** `POST <url>/complete` (409 upload_incomplete while a part is missing). */
  complete(url: string): Promise<void>;
  /** `DELETE <url>`: abort the multipart upload. */
  discard(url: string): Promise<void>;
}

/** A refused or failed edge request; status 0 is a network error or an abort. */
export class TransferError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null = null,
  ) {
    super(status === 0 ? t`The connection was interrupted.` : t`The upload server said ${status}.`);
    this.name = "TransferError";
  }
}

/** Worth trying again later: the network, a timeout, throttling or a server fault. */
export function isRetriable(error: unknown): boolean {
  if (!(error instanceof TransferError)) return false;
  const { status } = error;
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** Why an upload stopped for good, in words an instructor can act on. */
export function transferFailureMessage(error: unknown): string {
  if (error instanceof TransferError) {
    const { status } = error;
    if (status === 403) return t`The upload link expired and could not be renewed.`;
    if (status === 413) return t`The file is larger than the upload allows.`;
    if (status === 400 || status === 409) {
      return t`The upload server refused a part of the file. Try uploading it again.`;
    }
    return t`The upload failed (${status}). Try again.`;
  }
  return error instanceof Error && error.message ? error.message : t`The upload failed.`;
}

async function edgeJson(url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "omit" });
  } catch {
    throw new TransferError(0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new TransferError(response.status, errorCode(body));
  return body;
}

function errorCode(body: unknown): string | null {
  const code = fieldOf(body, "error");
  const nested = fieldOf(code, "code");
  if (typeof nested === "string") return nested;
  return typeof code === "string" ? code : null;
}

function parseUploadState(body: unknown): EdgeUploadState {
  const get = (key: string): unknown => fieldOf(body, key);
  const partBytes = get("partBytes");
  const totalParts = get("totalParts");
  const parts = get("parts");
  if (typeof partBytes !== "number" || typeof totalParts !== "number" || !Array.isArray(parts)) {
    throw new TransferError(502, "bad_response");
  }
  const stored = parts.flatMap((p: unknown) => {
    const n = fieldOf(p, "partNumber");
    const size = fieldOf(p, "size");
    return typeof n === "number" && typeof size === "number" ? [{ partNumber: n, size }] : [];
  });
  const uploadedBytes = get("uploadedBytes");
  return {
    partBytes,
    totalParts,
    parts: stored,
    uploadedBytes:
      typeof uploadedBytes === "number" ? uploadedBytes : stored.reduce((s, p) => s + p.size, 0),
    completed: get("completed") === true,
  };
}

/** The browser's transport: parts through XMLHttpRequest, the only API with upload progress. */
export const edgeTransport: UploadTransport = {
  begin: async (url) => parseUploadState(await edgeJson(url, { method: "POST" })),
  complete: async (url) => {
    await edgeJson(`${url}/complete`, { method: "POST" });
  },
  discard: async (url) => {
    await edgeJson(url, { method: "DELETE" });
  },
  sendPart: (url, partNumber, body, onProgress) => {
    const put = xhrPut(`${url}/parts/${partNumber}`, body, { onProgress });
    const done = put.done.then(
      ({ status, text }) => {
        if (status < 200 || status >= 300) {
          throw new TransferError(status, errorCode(parseJsonSafely(text)));
        }
      },
      (error: unknown) => {
        const reason = error instanceof XhrInterrupted ? error.reason : "network";
        throw new TransferError(0, reason === "network" ? null : reason);
      },
    );
    return { done, abort: put.abort };
  },
};
