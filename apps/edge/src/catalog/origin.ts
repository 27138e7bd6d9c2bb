import { type CachePolicy, cachePolicyOf } from "./policy";

/** A miss waits at most this long for the origin before falling back to a stale copy (or 503). */
export const ORIGIN_TIMEOUT_MS = 5_000;

export type OriginResult =
  /** 200: a body to serve; `policy` is null when the origin forbids storing it. */
  | { kind: "fresh"; body: string; contentType: string; etag: string; policy: CachePolicy | null }
  /** 304 to our If-None-Match: the copy we hold is still current. */
  | { kind: "not-modified"; policy: CachePolicy | null }
  /** 4xx: an authoritative answer (unknown slug, bad query), passed through and never stored. */
  | { kind: "rejected"; status: number; body: string; contentType: string }
  /** 5xx, a network error or a timeout: the origin cannot answer now. */
  | { kind: "down"; reason: string };

export interface OriginFetch {
  result: OriginResult;
  ms: number;
}

/**
 * Fetches `${ORIGIN_API_URL}/public<resource>`; revalidates with If-None-Match when the edge
 * already holds a copy. `cache: "no-store"` keeps Cloudflare's own fetch cache out of the way:
 * the versioned Cache API entries are the only edge cache, so a purge reaches everything.
 */
export async function fetchOrigin(
  originBase: string,
  resource: string,
  etag?: string,
): Promise<OriginFetch> {
  const started = performance.now();
  const result = await request(`${originBase.replace(/\/+$/, "")}/public${resource}`, etag);
  return { result, ms: performance.now() - started };
}

/**
 * The origin gets ORIGIN_TIMEOUT_MS for its headers and body together. A timer rather than
 * AbortSignal.timeout, so the tests can run the 5 s on fake timers instead of waiting for it.
 */
async function request(url: string, etag: string | undefined): Promise<OriginResult> {
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException("The origin did not answer in time.", "TimeoutError")),
    ORIGIN_TIMEOUT_MS,
  );
  try {
    return await attempt(url, etag, timeout.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function attempt(
  url: string,
  etag: string | undefined,
  signal: AbortSignal,
): Promise<OriginResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: "application/json", ...(etag ? { "if-none-match": etag } : {}) },
      cache: "no-store",
      signal,
    });
  } catch (error) {
    return { kind: "down", reason: error instanceof Error ? error.message : String(error) };
  }
  const policy = cachePolicyOf(res.headers.get("cache-control"));
  if (res.status === 304 && etag) return { kind: "not-modified", policy };
  const body = await res.text().catch(() => null);
  const contentType = res.headers.get("content-type") ?? "application/json";
  if (body === null || res.status >= 500 || res.status === 304) {
    return { kind: "down", reason: `origin answered ${res.status}` };
  }
  if (res.status >= 400) return { kind: "rejected", status: res.status, body, contentType };
  if (res.status !== 200) return { kind: "down", reason: `unexpected origin status ${res.status}` };
  return {
    kind: "fresh",
    body,
    contentType,
    etag: res.headers.get("etag") ?? (await etagOf(body)),
    policy,
  };
}

/** For an origin that sends no validator: a weak tag over the exact bytes we serve. */
async function etagOf(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `W/"${hex}"`;
}
