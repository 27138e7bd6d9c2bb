import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import {
  buildCredential,
  type CertificateRecord,
  encodeStatusList,
  generateIssuerKey,
  type IssuedRecord,
  importSigningKeys,
  isWithdrawn,
  type PublicJwk,
  type SigningKey,
  type StatusListRecord,
  signCredential,
  signStatusList,
} from "@lumen/credentials";
import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_NAME,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import { inject, vi } from "vitest";
import worker from "../src/index";

/**
 * The Worker's bindings with the origin API stopped: ORIGIN_API_URL points at a loopback port
 * nothing listens on. Every certificate test runs against this, so each one also shows that
 * verification never needs the origin.
 */
export const originDown = { ...env, ORIGIN_API_URL: inject("closedOriginUrl") };

/** Calls the Worker's fetch handler and waits for its background work (cache and KV writes). */
export async function edgeAt(
  path: string,
  init?: RequestInit,
  bindings: Record<string, unknown> = originDown,
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://edge.test${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Counts outbound fetches to the (stopped) origin; everything else goes out as usual. */
export function watchOrigin(): { calls: string[] } {
  const calls: string[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = new Request(input, init).url;
    if (url.startsWith(originDown.ORIGIN_API_URL)) calls.push(url);
    return realFetch(input, init);
  });
  return { calls };
}

export const devKey = async (): Promise<SigningKey> =>
  (await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID)).current;

/** A fresh issuer key pair: `key` signs, `publicJwk` is what a JWKS would list. */
export async function newIssuerKey(
  kid: string,
): Promise<{ key: SigningKey; publicJwk: PublicJwk }> {
  const { privateJwk, publicJwk } = await generateIssuerKey(kid);
  const ring = await importSigningKeys(JSON.stringify([privateJwk]), kid);
  return { key: ring.current, publicJwk };
}

export interface TestCertificate extends IssuedRecord {
  learnerName: string;
  courseTitle: string;
  courseId: string;
  issuedAt: Date;
}

/** A certificate signed the way the API's job does (default: the dev key the edge trusts). */
export async function signedCertificate(
  options: {
    key?: SigningKey;
    learnerName?: string;
    issuerId?: string;
    courseId?: string;
    issuedAt?: Date;
    validUntil?: Date;
    statusListIndex?: number;
  } = {},
): Promise<TestCertificate> {
  const id = crypto.randomUUID();
  const facts = {
    certificateId: id,
    issuer: {
      id: options.issuerId ?? DEV_ISSUER_ID,
      name: DEV_ISSUER_NAME,
      url: "https://lumen.localhost",
    },
    learnerName: options.learnerName ?? "Ada Lovelace",
    course: { id: options.courseId ?? crypto.randomUUID(), title: "Analytical Engines 101" },
    issuedAt: options.issuedAt ?? new Date("2026-11-21T10:30:00.000Z"),
    validUntil: options.validUntil,
    statusListIndex: options.statusListIndex,
    verifyUrl: `http://edge.test/certificates/${id}`,
  };
  const credential = await signCredential(buildCredential(facts), options.key ?? (await devKey()));
  return {
    id,
    credential,
    revokedAt: null,
    revokedReason: null,
    learnerName: facts.learnerName,
    courseTitle: facts.course.title,
    courseId: facts.course.id,
    issuedAt: facts.issuedAt,
  };
}

/** PUT /internal/certificates/:id, as the API's job runner publishes issue and revocation. */
export function publish(
  record: CertificateRecord,
  options: { secret?: string; path?: string } = {},
): Promise<Response> {
  const { id } = record;
  // Only the record's own fields: a TestCertificate also carries what its credential says.
  const body = isWithdrawn(record)
    ? { id, withdrawnAt: record.withdrawnAt }
    : {
        id,
        credential: record.credential,
        revokedAt: record.revokedAt,
        revokedReason: record.revokedReason,
      };
  return edgeAt(options.path ?? `/internal/certificates/${id}`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${options.secret ?? env.EDGE_INTERNAL_SECRET}`,
    },
    body: JSON.stringify(body),
  });
}

/** GET /certificates/:id/verify with its body parsed. */
export async function verify(id: string, bindings?: Record<string, unknown>) {
  const res = await edgeAt(`/certificates/${id}/verify`, undefined, bindings);
  const body: unknown = await res.json();
  return { res, body };
}

/** A status list signed as the API's job runner signs it (default: the dev key), entries set. */
export async function signedStatusList(
  list: number,
  revoked: number[],
  options: { key?: SigningKey; version?: number } = {},
): Promise<StatusListRecord> {
  const credential = await signStatusList(
    {
      issuerId: DEV_ISSUER_ID,
      list,
      builtAt: new Date(),
      encodedList: await encodeStatusList(revoked),
    },
    options.key ?? (await devKey()),
  );
  return { list, version: options.version ?? 1, credential };
}

/** PUT /internal/status-lists/:list, as the API's job runner publishes a list. */
export function publishList(
  record: StatusListRecord,
  options: { secret?: string; path?: string } = {},
): Promise<Response> {
  return edgeAt(options.path ?? `/internal/status-lists/${record.list}`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${options.secret ?? env.EDGE_INTERNAL_SECRET}`,
    },
    body: JSON.stringify(record),
  });
}
