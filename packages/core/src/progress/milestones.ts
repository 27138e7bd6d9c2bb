import { courseMilestones, enrollments } from "@lumen/db";
import { issueCertificateJob, type Outbox } from "@lumen/jobs";
import { and, inArray, isNull, sql } from "drizzle-orm";
import { isEligibleForCertificate, type StandingRow } from "../enrollment";
import { compareKeys, type Transaction } from "../kernel";
import { createNotifications, milestoneNotification } from "../notifications";
import type { Milestone } from "./types";

export const MILESTONES: readonly Milestone[] = [25, 50, 75, 100];

/**
 * What an enrollment earned after some of its lessons were newly completed, in the caller's
 * transaction: milestone rows (their primary key makes each one happen once, however many
 * batches race to it), one notification per milestone actually inserted, the enrollment's
 * completedAt at 100 %, and the certificate job when every required quiz is passed too.
 * Returns the milestones this call reached first, per enrollment, and the enrollments this
 * call completed (completedAt set now, not before), with that time.
 */
export async function recordAchievements(
  tx: Transaction,
  outbox: Outbox,
  standings: readonly StandingRow[],
): Promise<{ reached: Map<string, Milestone[]>; finished: Map<string, Date> }> {
  const reached = new Map<string, Milestone[]>();
  const candidates = standings
    .flatMap((s) =>
      MILESTONES.filter((m) => m <= s.percent).map((percent) => ({
        enrollmentId: s.enrollmentId,
        percent,
      })),
    )
    .sort((a, b) => compareKeys(a.enrollmentId, b.enrollmentId) || a.percent - b.percent);
  if (candidates.length > 0) {
    const inserted = await tx
      .insert(courseMilestones)
      .values(candidates)
      .onConflictDoNothing()
      .returning({
        enrollmentId: courseMilestones.enrollmentId,
        percent: courseMilestones.percent,
      });
    const byId = new Map(standings.map((s) => [s.enrollmentId, s]));
    const notes = [];
    for (const row of inserted) {
      const standing = byId.get(row.enrollmentId);
      const percent = MILESTONES.find((m) => m === row.percent);
      if (!standing || !percent) continue;
      const list = reached.get(row.enrollmentId) ?? [];
      list.push(percent);
      reached.set(row.enrollmentId, list);
      notes.push(milestoneNotification({ ...standing, percent }));
    }
    await createNotifications(tx, notes);
  }

  const finished = standings
    .filter((s) => s.percent === 100)
    .map((s) => s.enrollmentId)
    .sort(compareKeys);
  const completed = new Map<string, Date>();
  if (finished.length > 0) {
    const rows = await tx
      .update(enrollments)
      .set({ completedAt: sql`now()` })
      .where(and(inArray(enrollments.id, finished), isNull(enrollments.completedAt)))
      .returning({ id: enrollments.id, completedAt: enrollments.completedAt });
    for (const row of rows) if (row.completedAt) completed.set(row.id, row.completedAt);
  }
  // The job re-checks eligibility and one certificate per enrollment is a constraint, so a
  // rare duplicate job (two racing completions) issues nothing twice.
  for (const s of standings) {
    if (isEligibleForCertificate(s) && !s.hasCertificate) {
      await outbox.enqueue(tx, issueCertificateJob, { enrollmentId: s.enrollmentId });
    }
  }
  for (const list of reached.values()) list.sort((a, b) => a - b);
  return { reached, finished: completed };
}
