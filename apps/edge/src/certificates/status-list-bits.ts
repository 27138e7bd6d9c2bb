import {
  isStatusSet,
  type StatusListEntry,
  statusListNumberOf,
  verifyStatusList,
} from "@lumen/credentials";
import type { RecordSources } from "./lookup";
import { lookupStatusList } from "./status-list-store";
import type { IssuerTrust } from "./verdict";

/** Decoded lists by list and version, per isolate: a list is re-read only when it changes. */
const decoded = new Map<string, Promise<Uint8Array | null>>();
const MAX_DECODED = 8;

/**
 * Whether the status list a credential names has its bit set: true, false, or null when the
 * list cannot be read or does not verify (then the record alone decides). The list is checked
 * against the issuer's keys like any credential: what verifiers download must be what we trust.
 */
export async function revokedInStatusList(
  sources: RecordSources,
  trust: IssuerTrust,
  entry: StatusListEntry,
): Promise<boolean | null> {
  const list = statusListNumberOf(entry.statusListCredential);
  if (list === null) return null;
  const found = await lookupStatusList(sources, list);
  if (found.kind !== "found") return null;
  // The signature's tail tells two lists published under one version apart (a test, a hand edit).
  const key = `${list}:${found.record.version}:${found.record.credential.slice(-16)}`;
  let bits = decoded.get(key);
  if (!bits) {
    if (decoded.size >= MAX_DECODED) decoded.clear();
    bits = verifyStatusList(found.record.credential, trust.keys, {
      issuerId: trust.issuerId,
      list,
    }).then((check) => (check.ok ? check.bits : null));
    decoded.set(key, bits);
  }
  const resolved = await bits;
  if (!resolved) {
    sources.log.error("status list does not verify", { list });
    return null;
  }
  return isStatusSet(resolved, Number(entry.statusListIndex));
}
