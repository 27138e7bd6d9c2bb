/**
 * A PUT through XMLHttpRequest, the only browser API that reports upload progress. Used for
 * cover images and PDF documents (to the API), video parts and assignment attachments (to the
 * edge); each caller reads the answer itself.
 */
export interface XhrResponse {
  status: number;
  text: string;
}

/** The request never got an answer: the network failed, it timed out or it was aborted. */
export class XhrInterrupted extends Error {
  constructor(readonly reason: "network" | "timeout" | "aborted") {
    super(`upload ${reason}`);
    this.name = "XhrInterrupted";
  }
}

export function xhrPut(
  url: string,
  body: Blob,
  options: { contentType?: string; onProgress: (loaded: number, total: number) => void },
): { done: Promise<XhrResponse>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<XhrResponse>((resolve, reject) => {
    xhr.open("PUT", url);
    if (options.contentType) xhr.setRequestHeader("content-type", options.contentType);
    xhr.upload.onprogress = (event) => options.onProgress(event.loaded, event.total);
    xhr.onerror = () => reject(new XhrInterrupted("network"));
    xhr.ontimeout = () => reject(new XhrInterrupted("timeout"));
    xhr.onabort = () => reject(new XhrInterrupted("aborted"));
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}

/** JSON.parse that answers null for anything that is not JSON (an error page, an empty body). */
export function parseJsonSafely(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** `from[key]` when `from` is an object; for reading untrusted JSON without casts. */
export function fieldOf(from: unknown, key: string): unknown {
  return typeof from === "object" && from !== null ? Reflect.get(from, key) : undefined;
}
