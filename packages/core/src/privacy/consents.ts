import { consents } from "@lumen/db";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { ConflictError, type Database, type SessionUser } from "../kernel";

/**
 * Consents for optional purposes (GDPR Art. 7). Lumen asks for none today — it sets only
 * strictly necessary cookies — so nothing in the UI grants one yet; the feature that first
 * asks declares its purpose and calls these. The privacy page and the export list them.
 */
export const consentInput = z.object({
  purpose: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,47}$/, "A purpose is a lowercase name such as product_updates."),
  policyVersion: z.string().trim().min(1, "Name the policy version.").max(40),
});
export type ConsentInput = z.infer<typeof consentInput>;

export interface ConsentView {
  id: string;
  purpose: string;
  policyVersion: string;
  grantedAt: Date;
  withdrawnAt: Date | null;
}

const columns = {
  id: consents.id,
  purpose: consents.purpose,
  policyVersion: consents.policyVersion,
  grantedAt: consents.grantedAt,
  withdrawnAt: consents.withdrawnAt,
};

const open = (userId: string, purpose: string) =>
  and(eq(consents.userId, userId), eq(consents.purpose, purpose), isNull(consents.withdrawnAt));

/**
 * Records that the user agrees to `purpose` under `policyVersion`. Agreeing again to the same
 * version changes nothing; agreeing under a new version closes the old consent and opens one.
 */
export async function recordConsent({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: ConsentInput;
  now?: Date;
}): Promise<ConsentView> {
  const { purpose, policyVersion } = consentInput.parse(input);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select(columns)
      .from(consents)
      .where(open(user.id, purpose))
      .for("update");
    if (current?.policyVersion === policyVersion) return current;
    if (current) {
      await tx.update(consents).set({ withdrawnAt: now }).where(eq(consents.id, current.id));
    }
    const [row] = await tx
      .insert(consents)
      .values({ userId: user.id, purpose, policyVersion, grantedAt: now })
      .onConflictDoNothing()
      .returning(columns);
    // A concurrent grant of the same purpose won the partial unique index.
    if (!row) throw new ConflictError("That consent was just recorded; reload to see it.");
    return row;
  });
}

/** Withdraws the user's open consent to `purpose`; null when there was none (idempotent). */
export async function withdrawConsent({
  db,
  user,
  purpose,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  purpose: string;
  now?: Date;
}): Promise<ConsentView | null> {
  const [row] = await db
    .update(consents)
    .set({ withdrawnAt: now })
    .where(open(user.id, purpose))
    .returning(columns);
  return row ?? null;
}

/** Every consent the user gave, open or withdrawn, newest first. */
export async function listConsents({
  db,
  user,
}: {
  db: Database;
  user: SessionUser;
}): Promise<ConsentView[]> {
  return db
    .select(columns)
    .from(consents)
    .where(eq(consents.userId, user.id))
    .orderBy(desc(consents.grantedAt), desc(consents.id));
}
