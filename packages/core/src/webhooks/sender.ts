import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { type HostResolver, type ResolvedAddress, resolveWebhookTarget } from "./target";

/** How much of a receiver's answer the log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookResponse {
  statusCode: number;
  /** The first 1 KiB of the body, as text. */
  excerpt: string;
}

/** Sends one signed request; rejects when it could not be sent or got no answer in time. */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

/**
 * The real sender: checks the target (resolve, refuse non-public addresses unless
 * `allowPrivateTargets`) and then connects to exactly the checked address — the request's
 * `lookup` answers with it, so Node never resolves the name again — while TLS still verifies
 * the certificate against the host name. No redirect is followed (a 3xx is a failed attempt:
 * following one would let a public receiver point us inward). 10 s for the whole exchange.
 */
export function createWebhookSender({
  allowPrivateTargets,
  resolve,
  timeoutMs = DELIVERY_TIMEOUT_MS,
}: {
  allowPrivateTargets: boolean;
  resolve?: HostResolver;
  timeoutMs?: number;
}): WebhookSender {
  return async ({ url, headers, body }) => {
    const target = new URL(url);
    const checked = await resolveWebhookTarget(target, {
      allowPrivate: allowPrivateTargets,
      ...(resolve ? { resolve } : {}),
    });
    return post(target, checked, headers, body, timeoutMs);
  };
}

function pinnedLookup(checked: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    // With autoSelectFamily Node asks for every address; otherwise for one.
    if (options.all) callback(null, [{ address: checked.address, family: checked.family }]);
    else callback(null, checked.address, checked.family);
  };
}

function post(
  url: URL,
  checked: ResolvedAddress,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<WebhookResponse> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(checked),
      // A fresh connection per delivery: a pooled socket could belong to another address.
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.on("error", (error) => reject(describe(error, timeoutMs)));
    req.on("response", (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
        // The rest is of no use to the log: stop reading (and let the timeout not run on).
        if (size >= RESPONSE_EXCERPT_BYTES) res.destroy();
      });
      const done = () =>
        resolve({
          statusCode: res.statusCode ?? 0,
          excerpt: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8"),
        });
      res.on("end", done);
      res.on("close", done);
      res.on("error", done);
    });
    req.end(body);
  });
}

function describe(error: Error, timeoutMs: number): Error {
  if (error.name === "AbortError" || error.name === "TimeoutError") {
    return new Error(`timed out after ${timeoutMs / 1000} s`);
  }
  const code = (error as { code?: unknown }).code;
  return new Error(typeof code === "string" ? `${code}: ${error.message}` : error.message);
}
