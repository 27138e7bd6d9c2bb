import { randomUUID } from "node:crypto";
import { questionsOfEveryKind, scoresFor } from "@lumen/core/testing";
import { sweepAssignmentSave } from "./sweep-assignment";
import { FORUM_SAMPLES } from "./sweep-forum";
import { type SampleCall, type SweepWorld, sweepExercise } from "./sweep-world";

/**
 * One valid input per procedure of the router, on the sweep world. Every procedure must have
 * an entry (the sweep fails on a procedure without one), so a new procedure's strings get
 * swept too. `null`: the procedure takes no input.
 */
export const SAMPLES: Record<string, ((w: SweepWorld) => SampleCall) | null> = {
  ...FORUM_SAMPLES,
  "ratings.summary": (w) => learner({ courseId: w.course.id }),
  "ratings.reviews": (w) => learner({ courseId: w.course.id, sort: "lowest", page: 1 }),
  "ratings.rate": (w) =>
    learner({ courseId: w.course.id, stars: 4, title: "Clear", body: "Good\n\t**pace**." }),
  "ratings.deleteMine": (w) => learner({ courseId: w.course.id }),
  "ratings.prompt": (w) => learner({ courseId: w.course.id }),
  "ratings.dismissPrompt": (w) => learner({ courseId: w.course.id, milestone: 50 }),
  "ratings.helpful": () => learner({ ratingId: randomUUID(), helpful: true }),
  "ratings.report": () => learner({ ratingId: randomUUID(), reason: "Spam,\n\tads." }),
  "ratings.reports": (w) => owner({ courseId: w.course.id, status: "open" }),
  "ratings.dismissReport": () => owner({ reportId: randomUUID() }),
  "ratings.hide": () => owner({ ratingId: randomUUID(), hidden: true, reason: "Spam,\n\tads." }),
  "ratings.respond": () => owner({ ratingId: randomUUID(), body: "Thanks!\n\tIn\u00e9s" }),
  "ratings.deleteResponse": () => owner({ ratingId: randomUUID() }),
  "analytics.overview": (w) =>
    owner({ courseId: w.course.id, from: "2026-03-01", to: "2026-03-31", granularity: "week" }),
  "analytics.funnel": (w) => owner({ courseId: w.course.id }),
  "analytics.videos": (w) => owner({ courseId: w.course.id }),
  "analytics.video": (w) => owner({ courseId: w.course.id, lessonId: w.videoLessonId }),
  "analytics.assessments": (w) => owner({ courseId: w.course.id }),
  "analytics.quiz": (w) => owner({ courseId: w.course.id, lessonId: w.quizLessonId }),
  "analytics.learners": (w) =>
    owner({
      courseId: w.course.id,
      query: "learner",
      sort: "name",
      direction: "asc",
      atRiskOnly: true,
      atRisk: { inactiveDays: 7, belowPercent: 80 },
      page: 1,
      pageSize: 10,
    }),
  "apiKeys.list": null,
  "apiKeys.create": () =>
    learner({ name: "Reporting\u00a0key", scope: "write", expiresInDays: 90 }),
  "apiKeys.revoke": (w) => learner({ keyId: w.apiKeyId }),
  "webhooks.list": () => learner({}),
  "webhooks.create": () =>
    learner({
      url: "https://hooks.example.com/other?x=1",
      description: "HR system",
      events: ["course.completed", "certificate.issued"],
    }),
  "webhooks.update": (w) =>
    learner({
      endpointId: w.webhookEndpointId,
      url: "https://hooks.example.com/moved",
      description: "Moved",
      events: ["enrollment.created"],
      enabled: true,
    }),
  "webhooks.delete": (w) => learner({ endpointId: w.webhookEndpointId }),
  "webhooks.revealSecret": (w) => learner({ endpointId: w.webhookEndpointId }),
  "webhooks.deliveries": (w) => learner({ endpointId: w.webhookEndpointId, cursor: null }),
  "webhooks.attempts": (w) => learner({ deliveryId: w.webhookDeliveryId }),
  "webhooks.redeliver": (w) => learner({ deliveryId: w.webhookDeliveryId }),
  "webhooks.sendTest": (w) => learner({ endpointId: w.webhookEndpointId }),
  "assignmentFiles.start": (w) =>
    learner({
      lessonId: w.attachmentLessonId,
      filename: "notes.md",
      contentType: "text/markdown",
      byteSize: 1000,
    }),
  "assignmentFiles.confirm": (w) => learner({ attachmentId: w.attachmentId }),
  "assignmentFiles.remove": (w) => learner({ attachmentId: w.attachmentId }),
  "assignmentFiles.mine": (w) => learner({ lessonId: w.attachmentLessonId }),
  "assignmentFiles.forSubmission": (w) => learner({ submissionId: w.attachmentSubmissionId }),
  "assignmentFiles.download": (w) => learner({ attachmentId: w.attachmentId }),
  "assignment.edit": (w) => owner({ lessonId: w.assignmentLessonId }),
  "assignment.save": (w) =>
    owner(sweepAssignmentSave(w.assignmentLessonId, w.assignmentRubric, [w.assignmentExampleId])),
  "assignment.take": (w) => learner({ lessonId: w.assignmentLessonId }),
  "assignment.submit": (w) =>
    learner({ lessonId: w.assignmentLessonId, body: "# My essay\n\n\tIndented, revised." }),
  "assignment.calibrate": (w) =>
    learner({ exampleId: w.assignmentExampleId, scores: scoresFor(w.assignmentRubric, [4, 3]) }),
  "assignment.reviewNext": (w) => learner({ lessonId: w.assignmentLessonId }),
  "assignment.review": (w) =>
    learner({ reviewId: w.assignmentLeaseId, scores: scoresFor(w.assignmentRubric, [2, 1]) }),
  "assignment.flag": (w) =>
    learner({ reviewId: w.assignmentFlaggedReviewId, reason: "It ignored\nthe rubric." }),
  "assignment.backlog": (w) => owner({ lessonId: w.assignmentLessonId }),
  "assignment.staffSubmission": (w) => owner({ submissionId: w.assignmentSubmissionId }),
  "assignment.staffGrade": (w) =>
    owner({
      submissionId: w.assignmentSubmissionId,
      scores: scoresFor(w.assignmentRubric, [4, 3]),
      note: "Regraded:\n\tsee the rubric.",
    }),
  "assignment.keepReview": (w) => owner({ reviewId: w.assignmentFlaggedReviewId }),

  "authoring.myCourses": () => owner({ page: 1, pageSize: 10 }),
  "authoring.createCourse": () => owner(newCourse()),
  "authoring.getCourse": (w) => owner({ courseId: w.course.id }),
  "authoring.updateCourse": (w) =>
    owner({ courseId: w.course.id, expectedUpdatedAt: w.course.updatedAt, ...newCourse() }),
  "authoring.addModule": (w) => owner({ courseId: w.course.id, title: "Extra" }),
  "authoring.renameModule": (w) => owner({ moduleId: w.moduleId, title: "Renamed" }),
  "authoring.deleteModule": (w) => owner({ moduleId: w.doomedModuleId }),
  "authoring.reorderModules": (w) =>
    owner({ courseId: w.course.id, moduleIds: [w.doomedModuleId, w.spareModuleId, w.moduleId] }),
  "authoring.addLesson": (w) => owner({ moduleId: w.moduleId, title: "More", kind: "text" }),
  "authoring.updateLesson": (w) =>
    owner({ lessonId: w.textLessonId, title: "Read", body: "# Hi\n\n\tIndented", isPreview: true }),
  "authoring.deleteLesson": (w) => owner({ lessonId: w.doomedLessonId }),
  "authoring.reorderLessons": (w) => owner({ moduleId: w.moduleId, lessonIds: [w.textLessonId] }),
  "authoring.moveLesson": (w) =>
    owner({ lessonId: w.textLessonId, toModuleId: w.moduleId, position: 0 }),
  "authoring.publishChecklist": (w) => owner({ courseId: w.course.id }),
  "authoring.publish": (w) => owner({ courseId: w.course.id }),
  "authoring.unpublish": (w) => owner({ courseId: w.course.id }),

  "catalog.list": () =>
    learner({ query: "sweep", category: "Computer Science", level: "beginner", language: "en" }),
  "catalog.bySlug": (w) => learner({ slug: w.course.slug }),

  "certificates.mine": null,
  "certificates.request": (w) => learner({ courseId: w.course.id }),
  "certificates.revoke": (w) =>
    owner({ certificateId: w.certificateId, reason: "Issued by mistake" }),

  "enrollment.enroll": (w) => learner({ courseId: w.course.id }),
  "enrollment.unenroll": (w) => learner({ courseId: w.course.id }),
  "enrollment.mine": null,

  "exercise.edit": (w) => owner({ lessonId: w.exerciseLessonId }),
  "exercise.save": (w) => owner(sweepExercise(w.exerciseLessonId, w.exerciseTestIds)),
  "exercise.take": (w) => learner({ lessonId: w.exerciseLessonId }),
  "exercise.submit": (w) =>
    learner({
      lessonId: w.exerciseLessonId,
      submissionId: randomUUID(),
      purpose: "submit",
      code: "name = input()\n\tprint(name)  # tab kept\n",
    }),
  "exercise.submission": (w) => learner({ submissionId: w.submissionId }),
  "exercise.saveDraft": (w) => learner({ lessonId: w.exerciseLessonId, code: "print(1)\n" }),

  "learning.lesson": (w) => learner({ lessonId: w.textLessonId }),

  "email.settings": null,
  "email.updateSettings": () => learner({ preferences: [{ kind: "grade", delivery: "daily" }] }),

  "notifications.list": (w) => learner({ cursor: w.notificationId, limit: 10 }),
  "notifications.unreadCount": null,
  "privacy.exports": null,
  "privacy.requestExport": null,
  "privacy.deletion": null,
  "privacy.requestDeletion": () => learner({ password: "a wrong password" }),
  "privacy.cancelDeletion": null,
  "privacy.retirements": null,
  "live.notifications": (w) => learner({ lastEventId: w.notificationId }),
  "live.thread": (w) => learner({ threadId: w.forumThreadId, lastEventId: "none~1" }),
  "notifications.markRead": (w) => learner({ ids: [w.notificationId] }),

  "progress.record": (w) =>
    learner({
      events: [
        {
          eventId: randomUUID(),
          enrollmentId: w.enrollmentId,
          lessonId: w.textLessonId,
          watchedSeconds: 0,
          positionSeconds: 0,
          completed: true,
          occurredAt: Date.now(),
        },
      ],
    }),
  "progress.course": (w) => learner({ courseId: w.course.id }),
  "progress.mine": null,
  "progress.courseLearners": (w) =>
    owner({ courseId: w.course.id, page: 1, pageSize: 10, query: "learner" }),

  "quiz.edit": (w) => owner({ lessonId: w.quizLessonId }),
  "quiz.save": (w) =>
    owner({
      lessonId: w.quizLessonId,
      settings: { passingPercent: 50, maxAttempts: null, requiredForCertificate: false },
      // The world's questions, ids kept: the submit sample still answers them.
      questions: questionsOfEveryKind().map((q, i) => ({ ...q, id: w.questionIds[i] })),
    }),
  "quiz.take": (w) => learner({ lessonId: w.quizLessonId }),
  "quiz.submit": (w) =>
    learner({
      lessonId: w.quizLessonId,
      attemptId: randomUUID(),
      answers: [
        { questionId: w.questionIds[0], response: { kind: "choice", optionIds: ["paris"] } },
        { questionId: w.questionIds[4], response: { kind: "text", value: "Goethe" } },
      ],
    }),

  "video.createUpload": (w) =>
    owner({ lessonId: w.videoLessonId, filename: "talk.mp4", byteSize: 1000 }),
  "video.resumeUpload": (w) => owner({ assetId: w.uploadingAssetId }),
  // The owner stays an instructor: a real change would revoke sessions the sweep relies on.
  "users.changeRole": (w) => ({ as: "admin", input: { userId: w.owner.id, role: "instructor" } }),

  "video.completeUpload": (w) => owner({ assetId: w.uploadingAssetId }),
  "video.cancelUpload": (w) => owner({ assetId: w.uploadingAssetId }),
  "video.lessonVideo": (w) => owner({ lessonId: w.videoLessonId }),
  "video.addCaption": (w) =>
    owner({
      assetId: w.playableAssetId,
      language: "en",
      label: "English",
      vtt: "WEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nHello\r\n",
    }),
  "video.removeCaption": (w) => owner({ assetId: w.playableAssetId, language: "en" }),
  "video.playback": (w) => learner({ lessonId: w.videoLessonId }),
  "video.savePosition": (w) =>
    learner({ lessonId: w.videoLessonId, positionSeconds: 5, watchedSeconds: 5 }),
};

const owner = (input: unknown): SampleCall => ({ as: "owner", input });
const learner = (input: unknown): SampleCall => ({ as: "learner", input });

function newCourse() {
  return {
    title: "A course",
    subtitle: "Its subtitle",
    description: "What it teaches,\nover two lines.",
    category: "Computer Science",
    level: "beginner",
    language: "en",
    tags: ["sweep"],
  };
}
