import { capabilityUnavailableReason, GRADING } from "@lumen/jobs";
import type { Queryable } from "../kernel";

/**
 * Why queued submissions are not being graded, for the people waiting on them: every live
 * runner reports it cannot sandbox code (grading fails closed; the submission stays queued
 * and is graded once a runner can). Null when some runner can, or none reports at all.
 */
export async function gradingUnavailableReason(db: Queryable): Promise<string | null> {
  const reason = await capabilityUnavailableReason(db, GRADING);
  return reason === null ? null : `Grading is paused: ${reason}. Your code waits in the queue.`;
}
