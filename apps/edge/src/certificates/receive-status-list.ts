import { type StatusListRecord, verifyStatusList } from "@lumen/credentials";
import { storeStatusList } from "./status-list-store";
import type { IssuerTrust } from "./verdict";

export type StatusListReceipt =
  | { ok: true; list: number; version: number }
  | { ok: false; reason: string };

/**
 * Stores a status list the job runner signed, after checking it as outside verifiers will (our
 * published keys, our issuer id, the list's own URL): a list they would reject is refused here,
 * loudly, rather than served. Answers with the version now stored, which may be newer.
 */
export async function receiveStatusList(
  ctx: { kv: KVNamespace; trust: IssuerTrust },
  record: StatusListRecord,
): Promise<StatusListReceipt> {
  const check = await verifyStatusList(record.credential, ctx.trust.keys, {
    issuerId: ctx.trust.issuerId,
    list: record.list,
  });
  if (!check.ok) return { ok: false, reason: check.reason };
  const stored = await storeStatusList(ctx.kv, record);
  return { ok: true, list: stored.list, version: stored.version };
}
