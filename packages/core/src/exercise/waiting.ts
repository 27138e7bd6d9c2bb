import { capabilityUnavailableReason, GRADING } from "@lumen/jobs";
import type { Queryable } from "../kernel";

/**
 * Why queued submissions are not being graded: every live runner reports it cannot sandbox
 * code (grading fails closed; submissions stay queued and are graded once a runner can).
 * Learners get the plain fact; the course's editors (a reference check) also get the runner's
 * reason, which is about the machine. Null when some runner can grade, or none reports at all.
 */
export async function gradingUnavailableReason(
  db: Queryable,
  audience: "learner" | "editor",
): Promise<string | null> {
  const reason = await capabilityUnavailableReason(db, GRADING);
  if (reason === null) return null;
  return audience === "editor"
    ? `Grading is paused: no job runner can start its sandbox (${reason}). The check waits in the queue.`
    : "Grading is paused: the grader cannot run code right now. Your code waits in the queue and is graded as soon as it can.";
}
