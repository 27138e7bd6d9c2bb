import { z } from "zod";

/** Hosts the proxy will dial. Anything else could turn a dev tool into an open relay. */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/** Paths the Neon driver uses: `/v1` is what packages/db sends, `/v2` is Neon's own default. */
const PROXY_PATHS = new Set(["/v1", "/v2"]);

const portSchema = z
  .string()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(65_535));

export interface Target {
  host: string;
  port: number;
}

export type TargetResult = { ok: true; target: Target } | { ok: false; reason: string };

/**
 * Reads the target from a request line such as `/v1?address=127.0.0.1:5432` and checks it
 * against the loopback hosts and the allowed ports. IPv6 may be bare (`::1:5432`) or
 * bracketed (`[::1]:5432`).
 */
export function parseTarget(requestUrl: string, allowedPorts: ReadonlySet<number>): TargetResult {
  const url = new URL(requestUrl, "ws://proxy.invalid");
  if (!PROXY_PATHS.has(url.pathname)) return fail(`unknown path ${url.pathname}`);
  const address = url.searchParams.get("address");
  if (!address) return fail("missing address parameter");

  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(address);
  const separator = address.lastIndexOf(":");
  const rawHost = bracketed ? bracketed[1] : address.slice(0, Math.max(separator, 0));
  const rawPort = bracketed ? bracketed[2] : address.slice(separator + 1);
  if (separator < 0 || !rawHost || !rawPort) return fail("address must be host:port");

  const host = rawHost.toLowerCase();
  if (!LOOPBACK_HOSTS.has(host)) return fail(`host ${host} is not loopback`);
  const port = portSchema.safeParse(rawPort);
  if (!port.success || !allowedPorts.has(port.data)) return fail(`port ${rawPort} is not allowed`);
  return { ok: true, target: { host, port: port.data } };
}

function fail(reason: string): TargetResult {
  return { ok: false, reason };
}
