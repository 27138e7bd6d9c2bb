import { randomUUID } from "node:crypto";
import { issueCertificate } from "@lumen/core/certificates";
import type { SessionUser } from "@lumen/core/kernel";
import { createNotifications, verbatim } from "@lumen/core/notifications";
import {
  addLessonOfKind,
  addVideoLesson,
  createAssignmentSubmission,
  createCourse,
  createEnrollmentWithProgress,
  createForumReplies,
  createForumThread,
  createTestCertificateIssuer,
  createUser,
  createVideoAsset,
  questionsOfEveryKind,
  readyRendition,
  TEST_EDGE_URL,
} from "@lumen/core/testing";
import type { TestContext } from "./harness";
import { buildSweepAssignment } from "./sweep-assignment";

/**
 * One course world in which every procedure of the router has a valid call: an instructor's
 * published course with a text, a video (playable, with an upload in progress), a quiz and a
 * PDF lesson, a peer-reviewed assignment, spare modules and lessons for the destructive calls,
 * an enrolled learner with a notification and an assignment submission with an attached file,
 * an issued certificate, a forum question with an answer, and an admin (role changes). The hostile-input sweep builds its samples on it.
 */

/** A valid call of one procedure on the sweep world: who makes it and with what input. */
export interface SampleCall {
  as: "owner" | "learner" | "admin";
  input: unknown;
}

export async function buildSweepWorld(t: TestContext) {
  const owner = await createUser(t.db, "instructor");
  const learner = await createUser(t.db, "learner");
  const admin = await createUser(t.db, "admin");
  const course = await createCourse(t.db, owner, { title: "Sweep Course" });
  const author = t.callerFor(owner).authoring;
  const { moduleId } = await author.addModule({ courseId: course.id, title: "Main" });
  const spare = await author.addModule({ courseId: course.id, title: "Spare" });
  const doomed = await author.addModule({ courseId: course.id, title: "Doomed" });
  const { lessonId: textLessonId } = await author.addLesson({
    moduleId,
    title: "Read me",
    kind: "text",
  });
  const { lessonId: doomedLessonId } = await author.addLesson({
    moduleId: spare.moduleId,
    title: "Delete me",
    kind: "text",
  });
  const video = await addVideoLesson(t.db, course.id, { isPreview: true });
  const playable = await createVideoAsset(t.db, video, owner, {
    status: "processing",
    durationSeconds: 60,
    renditions: [readyRendition(360)],
    current: true,
  });
  const uploading = await createVideoAsset(t.db, video, owner);
  const quiz = await addLessonOfKind(t.db, course.id, "quiz");
  const saved = await t.callerFor(owner).quiz.save({
    lessonId: quiz.id,
    settings: { passingPercent: 50, maxAttempts: null, requiredForCertificate: false },
    questions: questionsOfEveryKind(),
  });
  const exercise = await addLessonOfKind(t.db, course.id, "exercise");
  const exerciseSaved = await t.callerFor(owner).exercise.save(sweepExercise(exercise.id));
  const { enrollmentId } = await t.callerFor(learner).enrollment.enroll({ courseId: course.id });
  const { submission } = await t.callerFor(learner).exercise.submit({
    lessonId: exercise.id,
    submissionId: randomUUID(),
    purpose: "samples",
    code: "print(input())",
  });
  const attachment = await learnerAttachment(t, learner, course.id, enrollmentId);
  const notificationId = await notify(t, learner);
  const certificateId = await issuedCertificate(t, owner);
  const assignment = await buildSweepAssignment(t, owner, learner, course.id);
  const forumThread = await createForumThread(t.db, course.id, learner, {
    kind: "question",
    lessonId: textLessonId,
  });
  const [forumReplyId = ""] = await createForumReplies(t.db, forumThread, [{ authorId: owner.id }]);
  const forumImageId = await learnerForumImage(t, learner, course.id);
  const { updatedAt } = await author.getCourse({ courseId: course.id });
  const developer = await learnerDeveloperSettings(t, learner);
  return {
    ...developer,
    forumThreadId: forumThread.id,
    forumImageId,
    forumReplyId,
    owner,
    learner,
    admin,
    course: { id: course.id, slug: course.slug, updatedAt },
    moduleId,
    spareModuleId: spare.moduleId,
    doomedModuleId: doomed.moduleId,
    textLessonId,
    doomedLessonId,
    videoLessonId: video.id,
    playableAssetId: playable.id,
    uploadingAssetId: uploading.id,
    quizLessonId: quiz.id,
    questionIds: saved.questions.map((q) => q.id),
    exerciseLessonId: exercise.id,
    exerciseTestIds: exerciseSaved.tests.map((test) => test.id),
    submissionId: submission.submissionId,
    ...attachment,
    enrollmentId,
    notificationId,
    certificateId,
    ...assignment,
  };
}
/** The learner's API key and webhook endpoint, with one (test) delivery in its log. */
async function learnerDeveloperSettings(t: TestContext, learner: SessionUser) {
  const me = t.callerFor(learner);
  const { key } = await me.apiKeys.create({ name: "Sweep key", scope: "read", expiresInDays: 30 });
  const { endpoint } = await me.webhooks.create({
    url: "https://hooks.example.com/lumen",
    description: "Sweep",
    events: ["enrollment.created"],
  });
  const { deliveryId } = await me.webhooks.sendTest({ endpointId: endpoint.id });
  return { apiKeyId: key.id, webhookEndpointId: endpoint.id, webhookDeliveryId: deliveryId };
}

/** A Python stdin exercise with a sample and a hidden test (the sweep's save sample too). */
export function sweepExercise(lessonId: string, testIds: readonly string[] = []) {
  return {
    lessonId,
    settings: {
      language: "python" as const,
      style: "stdio" as const,
      functionName: "",
      normalise: "trim" as const,
      tolerance: 0.000001,
      timeLimitMs: 2_000,
      memoryMb: 128,
      passingPercent: 100,
      maxAttempts: null,
      requiredForCertificate: false,
    },
    starterCode: "# read a line, print it\n",
    referenceSolution: "print(input())\n",
    tests: [
      { id: testIds[0], sample: true, points: 1, input: "hello\n", expected: "hello\n" },
      { id: testIds[1], sample: false, points: 2, input: "secret\n", expected: "secret\n" },
    ],
  };
}

export type SweepWorld = Awaited<ReturnType<typeof buildSweepWorld>>;

/** A PNG the learner uploaded (start, the edge's PUT, confirm) for the course's forum. */
async function learnerForumImage(t: TestContext, learner: SessionUser, courseId: string) {
  const files = t.callerFor(learner).forumFiles;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const ticket = await files.startImage({
    courseId,
    filename: "sketch.png",
    contentType: "image/png",
    byteSize: png.length,
  });
  await t.mediaStore.putFile({ purpose: "forum-image", id: ticket.imageId }, png, "image/png");
  return (await files.confirmImage({ imageId: ticket.imageId })).id;
}

/** The learner's submission to an assignment lesson, with one attached (stored) PDF. */
async function learnerAttachment(
  t: TestContext,
  learner: SessionUser,
  courseId: string,
  enrollmentId: string,
) {
  const lesson = await addLessonOfKind(t.db, courseId, "assignment");
  const files = t.callerFor(learner).assignmentFiles;
  const bytes = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
  const ticket = await files.start({
    lessonId: lesson.id,
    filename: "essay.pdf",
    contentType: "application/pdf",
    byteSize: bytes.length,
  });
  await t.mediaStore.putFile(
    { purpose: "attachment", id: ticket.attachmentId },
    bytes,
    "application/pdf",
  );
  await files.confirm({ attachmentId: ticket.attachmentId });
  const submission = await createAssignmentSubmission(t.db, {
    lessonId: lesson.id,
    enrollmentId,
    userId: learner.id,
    cohort: courseId,
  });
  return {
    attachmentLessonId: lesson.id,
    attachmentSubmissionId: submission.id,
    attachmentId: ticket.attachmentId,
  };
}

async function notify(t: TestContext, user: SessionUser): Promise<string> {
  await t.db.transaction((tx) =>
    createNotifications(tx, [
      {
        userId: user.id,
        kind: "milestone",
        title: verbatim("Half"),
        body: verbatim("Go on"),
        dedupeKey: "sweep-50",
      },
    ]),
  );
  const page = await t.callerFor(user).notifications.list({});
  const id = page.items[0]?.id;
  if (!id) throw new Error("the notification was not written");
  return id;
}

/** A graduate's certificate in another course of the owner's: the owner may revoke it. */
async function issuedCertificate(t: TestContext, owner: SessionUser): Promise<string> {
  const course = await createCourse(t.db, owner, { title: "Graduated" });
  const graduate = await createUser(t.db, "learner");
  const { enrollmentId } = await createEnrollmentWithProgress(t.db, {
    learner: graduate,
    courseId: course.id,
  });
  const outcome = await issueCertificate(
    {
      db: t.db,
      outbox: t.outbox,
      store: t.mediaStore,
      issuer: await createTestCertificateIssuer(),
      links: { edgeUrl: TEST_EDGE_URL, webOrigin: "http://localhost:5173" },
      logger: { info: () => {} },
    },
    enrollmentId,
  );
  if (!("certificateId" in outcome)) throw new Error(`not issued: ${outcome.status}`);
  return outcome.certificateId;
}
