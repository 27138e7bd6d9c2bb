import type { AssignmentSettingsInput } from "@lumen/core/assignment";
import { createEnrollment, createPeerAssignment, createUser } from "@lumen/core/testing";
import type { Database } from "@lumen/db";
import type { OutboxHandle } from "@lumen/jobs";

export interface Learner {
  user: Awaited<ReturnType<typeof createUser>>;
  enrollmentId: string;
}

/**
 * A published course with one essay assignment saved through the domain, and `learners`
 * enrolled learners (factory rows: sign-up is not what this bench measures). Nobody has
 * submitted yet; submissions go through `submitWork`.
 */
export async function createCohort(
  world: { db: Database; outbox: OutboxHandle },
  { learners, settings }: { learners: number; settings: Partial<AssignmentSettingsInput> },
) {
  const built = await createPeerAssignment(world, { learners: 0, submitted: false, settings });
  const cohort: Learner[] = [];
  for (let i = 0; i < learners; i++) {
    const user = await createUser(world.db, "learner", { name: `Learner ${i + 1}` });
    const enrollment = await createEnrollment(world.db, user, built.courseId);
    cohort.push({ user, enrollmentId: enrollment.id });
  }
  return { lessonId: built.lessonId, rubric: built.assignment.rubric, learners: cohort };
}
