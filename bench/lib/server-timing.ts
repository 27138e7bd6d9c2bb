/**
 * The edge Worker's own time for a response, from its `Server-Timing: worker;dur=…` header
 * (apps/edge/src/timing.ts): from its first middleware to the response's headers. A client's
 * time minus this is the HTTP between them (on loopback, mostly wrangler dev's proxy hop).
 */
export function workerMs(headers: Headers): number | undefined {
  const dur = /(?:^|,)\s*worker;dur=([\d.]+)/.exec(headers.get("server-timing") ?? "")?.[1];
  return dur === undefined ? undefined : Number(dur);
}
