import { randomUUID } from "node:crypto";
import { createExerciseSubmission, type LessonSpec, type TestUser } from "@lumen/db/testing";
import { updateEmailSettings } from "../email";
import { confirmForumImageUpload, startForumImageUpload } from "../forum";
import { recordConsent } from "../privacy";
import { rateCourse } from "../ratings";
import { getPlayback } from "../video";
import { png } from "./images";
import { createBusyLearner } from "./retirement";
import type { TestWorld } from "./world";

/**
 * The lessons `createEveryFeatureLearner` uses, in this order: what
 * `enrolledLearner(db, instructor, EVERY_FEATURE_LESSONS)` builds (a 100-second video).
 */
export const EVERY_FEATURE_LESSONS: readonly LessonSpec[] = [
  { kind: "quiz" },
  { kind: "assignment" },
  { kind: "text" },
  { kind: "video" },
  { kind: "exercise" },
];

/** The forum image every such learner uploads (a 2×2 PNG; a Uint8Array, as archives are read back). */
export const FORUM_IMAGE = Uint8Array.from(png(2, 2));

/**
 * A member of `courseId` uploads an image for a post through the forum's own verbs, with the
 * edge's part (storing the browser's PUT) done on the world's media store. Returns its id.
 */
export async function uploadForumImage(
  world: Pick<TestWorld, "db" | "media" | "mediaStore">,
  user: TestUser,
  courseId: string,
  { filename = "diagram.png", bytes = FORUM_IMAGE } = {},
) {
  const deps = { db: world.db, media: world.media, user };
  const ticket = await startForumImageUpload({
    ...deps,
    input: { courseId, filename, contentType: "image/png", byteSize: bytes.length },
  });
  await world.mediaStore.putFile(
    { purpose: "forum-image", id: ticket.imageId },
    bytes,
    "application/octet-stream",
  );
  await confirmForumImageUpload({ ...deps, input: { imageId: ticket.imageId } });
  return ticket.imageId;
}

/**
 * A learner who used every feature a data export covers: everything `createBusyLearner` leaves
 * (enrollment, completed text lesson, quiz attempt, assignment submission with its attachment,
 * forum thread and reply, certificate with its PDF, API key, webhook, notification, session),
 * plus 30 seconds of the video watched through the progress write path (a playback start, a
 * progress event, lesson progress), a graded exercise submission, a forum image, a course
 * rating and an email preference. `lessonIds` follow EVERY_FEATURE_LESSONS. Votes and peer
 * reviews need a second learner's posts and work: the test adds them (`voteFor`,
 * `createAssignmentReview`).
 */
export async function createEveryFeatureLearner(
  world: TestWorld,
  learner: TestUser,
  course: { id: string },
  lessonIds: readonly string[],
  /** The certificate's bit in the status lists. */
  statusListIndex: number,
) {
  const { db, outbox } = world;
  const busy = await createBusyLearner(world, learner, course, lessonIds, statusListIndex);
  const [, , , video, exercise] = lessonIds as [string, string, string, string, string];
  const enrollmentId = busy.enrollment.id;

  await getPlayback({ db, user: learner, media: world.media, input: { lessonId: video } });
  world.elapse(60);
  const recorded = await world.progress.record(learner, [
    {
      eventId: randomUUID(),
      enrollmentId,
      lessonId: video,
      watched: [[0, 30]],
      positionSeconds: 30,
      completed: false,
      occurredAt: world.now(),
    },
  ]);
  world.resetClock();

  await createExerciseSubmission(db, {
    lessonId: exercise,
    userId: learner.id,
    enrollmentId,
    attemptNumber: 1,
    passed: true,
  });
  const imageId = await uploadForumImage(world, learner, course.id);
  const rating = await rateCourse({
    db,
    outbox,
    user: learner,
    input: { courseId: course.id, stars: 4, title: "Clear", body: `Rated by ${learner.name}.` },
    // Eligible at any completion: what is under test is that the rating is theirs.
    ratings: { minCompletionPercent: 0 },
  });
  await updateEmailSettings({
    db,
    user: learner,
    input: { preferences: [{ kind: "forum_reply", delivery: "daily" }] },
  });
  // No feature asks for a consent yet (ADR 0027): a purpose of the test's own shows the area.
  await recordConsent({
    db,
    user: learner,
    input: { purpose: "product_research", policyVersion: "2026-12" },
  });
  return { ...busy, imageId, ratingId: rating.ratingId, progress: recorded };
}
