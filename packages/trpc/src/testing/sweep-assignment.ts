import type { SessionUser } from "@lumen/core/kernel";
import { addLessonOfKind, createUser, essayRubric, scoresFor } from "@lumen/core/testing";
import type { RubricCriterion } from "@lumen/db";
import type { TestContext } from "./harness";

/**
 * The sweep world's peer-reviewed assignment (one calibration example, one review needed):
 * the learner submitted and was graded by a peer, flagged that review, calibrated, and holds
 * a lease on the peer's submission. Every assignment procedure has a valid call on it.
 */
export async function buildSweepAssignment(
  t: TestContext,
  owner: SessionUser,
  learner: SessionUser,
  courseId: string,
) {
  const lesson = await addLessonOfKind(t.db, courseId, "assignment");
  const saved = await t
    .callerFor(owner)
    .assignment.save(sweepAssignmentSave(lesson.id, essayRubric(), []));
  const exampleId = saved.examples[0]?.id ?? "";
  const rubric = saved.rubric;
  const peer = await createUser(t.db, "learner");
  await t.callerFor(peer).enrollment.enroll({ courseId });
  const mine = t.callerFor(learner).assignment;
  const theirs = t.callerFor(peer).assignment;
  const { submissionId } = await mine.submit({ lessonId: lesson.id, body: "My essay." });
  await theirs.submit({ lessonId: lesson.id, body: "Their essay." });
  await theirs.calibrate({ exampleId, scores: scoresFor(rubric, [4, 3]) });
  const peerLease = await theirs.reviewNext({ lessonId: lesson.id });
  const flaggedReviewId = peerLease.lease?.reviewId ?? "";
  await theirs.review({ reviewId: flaggedReviewId, scores: scoresFor(rubric, [0, 0]) });
  await mine.flag({ reviewId: flaggedReviewId, reason: "Too harsh." });
  await mine.calibrate({ exampleId, scores: scoresFor(rubric, [2, 2]) });
  const lease = await mine.reviewNext({ lessonId: lesson.id });
  if (!lease.lease) throw new Error(`the sweep learner got no lease: ${lease.reason}`);
  return {
    assignmentLessonId: lesson.id,
    assignmentRubric: rubric,
    assignmentExampleId: exampleId,
    assignmentSubmissionId: submissionId,
    assignmentLeaseId: lease.lease.reviewId,
    assignmentFlaggedReviewId: flaggedReviewId,
  };
}

/** The save input of the sweep's assignment, as the editor sends it (dates as ISO strings). */
export function sweepAssignmentSave(
  lessonId: string,
  rubric: RubricCriterion[],
  exampleIds: readonly string[],
) {
  return {
    lessonId,
    settings: {
      allowAttachments: true,
      reviewsToGive: 1,
      reviewsNeeded: 1,
      dueAt: null,
      reviewWindowHours: 168,
      reviewsCloseAt: null,
      leaseMinutes: 480,
      fallback: "grade_available" as const,
      weightByCalibration: false,
      passingPercent: 50,
      requiredForCertificate: false,
    },
    rubric,
    examples: [
      {
        id: exampleIds[0],
        body: "An example essay,\n\twith a tab.",
        scores: scoresFor(rubric, [4, 3]),
      },
    ],
  };
}
