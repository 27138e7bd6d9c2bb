import { type PrivacyAuditKind, privacyAuditLog } from "@lumen/db";
import type { Queryable } from "../../kernel";

/** Who acted, as a role only: the log must outlive the data without naming anyone. */
export type AuditActor = "holder" | "system" | "admin";

/** Records a retirement event in the caller's transaction. */
export async function audit(
  tx: Queryable,
  kind: PrivacyAuditKind,
  retirementId: string,
  actorRole: AuditActor,
  at: Date,
): Promise<void> {
  await tx.insert(privacyAuditLog).values({ kind, retirementId, actorRole, at });
}
