import { accountRetirements } from "@lumen/db";
import { type Outbox, retireAccountJob } from "@lumen/jobs";
import { and, eq, lt, lte, or } from "drizzle-orm";
import type { Database } from "../../kernel";
import { STALLED_AFTER_MS } from "./config";

/**
 * The `privacy.retire-due` job (every 15 minutes): enqueues a retirement for every pending one
 * whose grace period ended, and again for running ones untouched for a while (their runner
 * died between retries). Enqueuing twice is harmless: the run takes the row lock per step.
 */
export async function enqueueDueRetirements({
  db,
  outbox,
  now = new Date(),
}: {
  db: Database;
  outbox: Outbox;
  now?: Date;
}): Promise<number> {
  const stalledBefore = new Date(now.getTime() - STALLED_AFTER_MS);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: accountRetirements.id })
      .from(accountRetirements)
      .where(
        or(
          and(eq(accountRetirements.state, "pending"), lte(accountRetirements.scheduledFor, now)),
          and(
            eq(accountRetirements.state, "running"),
            lt(accountRetirements.updatedAt, stalledBefore),
          ),
        ),
      )
      .limit(500);
    for (const { id } of due) await outbox.enqueue(tx, retireAccountJob, { retirementId: id });
    return due.length;
  });
}
