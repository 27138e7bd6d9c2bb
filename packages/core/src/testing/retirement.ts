import {
  completeLessons,
  createAssignmentAttachment,
  createAssignmentSubmission,
  createCertificate,
  createEnrollment,
  createForumReplies,
  createForumThread,
  createQuizAttempt,
  createSession,
  followForumThread,
  type TestUser,
} from "@lumen/db/testing";
import { createApiKey } from "../api-keys";
import { votePost } from "../forum";
import { createNotifications, verbatim } from "../notifications";
import { createWebhookEndpoint } from "../webhooks";
import type { TestWorld } from "./world";

export const CERTIFICATE_PDF = new TextEncoder().encode("%PDF-1.7 test certificate");
export const ESSAY_PDF = new TextEncoder().encode("%PDF-1.7\n% a learner's essay\n%%EOF\n");

/**
 * A learner with something in every store a retirement erases: progress, a quiz attempt, an
 * assignment with its attachment (in media), a forum thread and a reply, a certificate with its
 * PDF (in media), an API key, a webhook, a notification, a session. `course` is enrolled with
 * lessons [quiz, assignment, text], as `enrolledLearner(…, [quiz, assignment, text])` builds.
 */
export async function createBusyLearner(
  world: Pick<TestWorld, "db" | "mediaStore">,
  learner: TestUser,
  course: { id: string },
  lessonIds: readonly string[],
  /** The certificate's bit in the status lists (list 1 for indices below 131072). */
  statusListIndex: number,
) {
  const { db } = world;
  const [quizLesson, assignmentLesson, textLesson] = lessonIds as [string, string, string];
  const enrollment = await createEnrollment(db, learner, course.id);
  await completeLessons(db, enrollment.id, [textLesson]);
  await createQuizAttempt(db, { enrollmentId: enrollment.id, lessonId: quizLesson, passed: true });
  const attachment = await createAssignmentAttachment(db, {
    lessonId: assignmentLesson,
    enrollmentId: enrollment.id,
    filename: "essay.pdf",
    byteSize: ESSAY_PDF.length,
  });
  await world.mediaStore.putFile(
    { purpose: "attachment", id: attachment.id },
    ESSAY_PDF,
    "application/pdf",
  );
  const submission = await createAssignmentSubmission(db, {
    lessonId: assignmentLesson,
    enrollmentId: enrollment.id,
    userId: learner.id,
    cohort: course.id,
    body: `Essay by ${learner.name}`,
    gradePercent: 80,
  });
  const thread = await createForumThread(db, course.id, learner, {
    title: `Question from ${learner.name}`,
    // Not the fixture's numbered default: its counter is module state, and with isolate: false
    // it counts the threads of every file the worker ran before (the golden export saw both).
    body: `Asked by ${learner.name}.`,
  });
  const [replyId] = await createForumReplies(db, thread, [{ authorId: learner.id }]);
  await followForumThread(db, thread.id, [learner.id]);
  const certificate = await createCertificate(
    db,
    { id: enrollment.id, userId: learner.id, courseId: course.id },
    { learnerName: learner.name, pdfPath: "certificates/pending.pdf", statusListIndex },
  );
  await world.mediaStore.putFile(
    { purpose: "certificate", id: certificate.id },
    CERTIFICATE_PDF,
    "application/pdf",
  );
  await createApiKey({
    db,
    user: learner,
    input: { name: `Key of ${learner.name}`, scope: "read", expiresInDays: 30 },
  });
  await createWebhookEndpoint({
    db,
    user: learner,
    input: {
      url: `https://hooks.example.com/${learner.id}`,
      description: "",
      events: ["enrollment.created"],
    },
  });
  await db.transaction((tx) =>
    createNotifications(tx, [
      {
        userId: learner.id,
        kind: "grade",
        title: verbatim(`Graded, ${learner.name}`),
        body: verbatim(""),
        link: "/",
        dedupeKey: `g:${learner.id}`,
      },
    ]),
  );
  await createSession(db, learner);
  return {
    enrollment,
    submission,
    certificate,
    thread,
    replyId: replyId as string,
    attachmentId: attachment.id,
  };
}

/** `voter` votes for `post` through the forum's own verb (the score follows). */
export function voteFor(
  world: Pick<TestWorld, "db">,
  voter: TestUser,
  post: { type: "thread" | "reply"; id: string },
) {
  return votePost({ db: world.db, user: voter, input: { post, voted: true } });
}
