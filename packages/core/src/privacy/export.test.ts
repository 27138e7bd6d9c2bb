import { readFile } from "node:fs/promises";
import { apiKeys, emailSends, notifications, webhookEndpoints } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../api-keys";
import {
  completeLessons,
  createAssignmentAttachment,
  createAssignmentReview,
  createAssignmentSubmission,
  createCertificate,
  createEnrollment,
  createForumThread,
  createQuizAttempt,
  createTestWorld,
  createUser,
  enrolledLearner,
  type TestUser,
  type TestWorld,
} from "../testing";
import { createWebhookEndpoint } from "../webhooks";
import { EXPORT_AREAS } from "./areas";
import { openExportDownload } from "./download";
import { listExports, requestExport } from "./request";
import { runExport } from "./run";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const PDF = new TextEncoder().encode("%PDF-1.7 test certificate");
const ESSAY = new TextEncoder().encode("%PDF-1.7\n% a learner's essay\n%%EOF\n");
const logger = { error: () => {} };

/** A learner who used every feature: progress, a quiz, an assignment, the forum, a certificate, an API key, a webhook. */
async function busyLearner(learner: TestUser, course: { id: string }, lessonIds: string[]) {
  const { db } = world;
  const [quizLesson, assignmentLesson, textLesson] = lessonIds as [string, string, string];
  const enrollment = await createEnrollment(db, learner, course.id);
  await completeLessons(db, enrollment.id, [textLesson]);
  await createQuizAttempt(db, { enrollmentId: enrollment.id, lessonId: quizLesson, passed: true });
  const attachment = await createAssignmentAttachment(db, {
    lessonId: assignmentLesson,
    enrollmentId: enrollment.id,
    filename: "essay.pdf",
    byteSize: ESSAY.length,
  });
  await world.mediaStore.putFile(
    { purpose: "attachment", id: attachment.id },
    ESSAY,
    "application/octet-stream",
  );
  const submission = await createAssignmentSubmission(db, {
    lessonId: assignmentLesson,
    enrollmentId: enrollment.id,
    userId: learner.id,
    cohort: course.id,
    body: `Essay by ${learner.name}`,
    gradePercent: 80,
  });
  await createForumThread(db, course.id, learner, { title: `Question from ${learner.name}` });
  const certificate = await createCertificate(
    db,
    { id: enrollment.id, userId: learner.id, courseId: course.id },
    { learnerName: learner.name, pdfPath: "pending" },
  );
  await world.mediaStore.putFile(
    { purpose: "certificate", id: certificate.id },
    PDF,
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
  return { enrollment, submission, certificate, attachmentId: attachment.id };
}

describe("a learner's data export", () => {
  let a: TestUser;
  let b: TestUser;
  let files: Record<string, Uint8Array>;
  let aData: Awaited<ReturnType<typeof busyLearner>>;
  let bData: Awaited<ReturnType<typeof busyLearner>>;
  let exportId: string;

  beforeAll(async () => {
    const { db } = world;
    const instructor = await createUser(db, "instructor");
    const setup = await enrolledLearner(db, instructor, [
      { kind: "quiz" },
      { kind: "assignment" },
      { kind: "text" },
    ]);
    a = await createUser(db, "learner", { name: "Alice Export" });
    b = await createUser(db, "learner", { name: "Bob Other" });
    aData = await busyLearner(a, setup.course, setup.lessonIds);
    bData = await busyLearner(b, setup.course, setup.lessonIds);
    // Each reviews the other's work: Alice's export has the review she gave, not Bob's of hers.
    const lessonId = setup.lessonIds[1] as string;
    await createAssignmentReview(db, {
      submissionId: aData.submission.id,
      lessonId,
      reviewerEnrollmentId: bData.enrollment.id,
      scores: [],
    });
    await createAssignmentReview(db, {
      submissionId: bData.submission.id,
      lessonId,
      reviewerEnrollmentId: aData.enrollment.id,
      scores: [],
    });

    const requested = await requestExport({ db, user: a, outbox: world.outbox });
    exportId = requested.id;
    expect(requested.status).toBe("requested");
    await expect(runExport({ db, store: world.mediaStore, exportId, logger })).resolves.toBe(
      "ready",
    );
    const zip = world.mediaStore.objects.get(`exports/${exportId}.zip`);
    files = unzipSync(zip?.bytes ?? new Uint8Array());
  });

  it("holds the README, one JSON file per area and the certificate PDF", () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.md",
        ...EXPORT_AREAS.map((area) => `${area}.json`),
        `files/certificates/${aData.certificate.id}.pdf`,
        `files/attachments/${aData.attachmentId}-essay.pdf`,
      ].sort(),
    );
    expect(files[`files/attachments/${aData.attachmentId}-essay.pdf`]).toEqual(ESSAY);
    expect(files[`files/certificates/${aData.certificate.id}.pdf`]).toEqual(PDF);
    const readme = strFromU8(files["README.md"] ?? new Uint8Array());
    for (const area of EXPORT_AREAS) expect(readme).toContain(`\`${area}.json\``);
  });

  it("has the learner's rows in each area, in a stable shape (ids normalised)", async () => {
    const shape = Object.fromEntries(
      EXPORT_AREAS.map((area) => {
        const tables = JSON.parse(strFromU8(files[`${area}.json`] ?? new Uint8Array()));
        return [
          area,
          Object.fromEntries(
            Object.entries(tables as Record<string, Record<string, unknown>[]>).map(
              ([table, rows]) => [
                table,
                { rows: rows.length, columns: Object.keys(rows[0] ?? {}) },
              ],
            ),
          ),
        ];
      }),
    );
    // The golden file: which tables and columns each area holds, and how many rows. After a
    // deliberate change, write the new shape there (JSON, biome-formatted).
    const golden = await readFile(new URL("./golden/export-shape.json", import.meta.url), "utf8");
    expect(shape).toEqual(JSON.parse(golden));
  });

  it("never holds a second learner's data, a reviewer's identity or a secret", async () => {
    const text = Object.entries(files)
      .filter(([name]) => name.endsWith(".json"))
      .map(([, bytes]) => strFromU8(bytes))
      .join("\n");
    expect(text).toContain(a.id);
    const foreignIds = [b.id, b.email, b.name, bData.enrollment.id, bData.certificate.id];
    for (const foreign of [...foreignIds, bData.attachmentId]) {
      expect(text).not.toContain(foreign);
    }
    const [key] = await world.db.select().from(apiKeys).where(eq(apiKeys.userId, a.id));
    const [hook] = await world.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.userId, a.id));
    expect(text).not.toContain(key?.secretHash);
    expect(text).not.toContain(hook?.secret);
  });

  it("is listed as ready to download for 7 days, and the learner is told by notification and email", async () => {
    const [listed] = await listExports({ db: world.db, user: a });
    expect(listed).toMatchObject({
      id: exportId,
      status: "ready",
      downloadPath: `/api/privacy/exports/${exportId}/download`,
    });
    const days =
      ((listed?.expiresAt?.getTime() ?? 0) - (listed?.completedAt?.getTime() ?? 0)) / 864e5;
    expect(days).toBe(7);
    const [notice] = await world.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, a.id), eq(notifications.kind, "privacy_export")));
    expect(notice?.link).toBe("/settings/privacy");
    const mails = await world.db
      .select()
      .from(emailSends)
      .where(eq(emailSends.notificationId, notice?.id ?? ""));
    expect(mails).toHaveLength(1);
  });

  it("lets only its owner download it, and not after it expires", async () => {
    const download = await openExportDownload({
      db: world.db,
      store: world.mediaStore,
      user: a,
      exportId,
    });
    expect(download.kind).toBe("ready");
    await expect(
      openExportDownload({ db: world.db, store: world.mediaStore, user: b, exportId }),
    ).rejects.toThrow("No such export.");
    const later = new Date(Date.now() + 8 * 864e5);
    const expired = await openExportDownload({
      db: world.db,
      store: world.mediaStore,
      user: a,
      exportId,
      now: later,
    });
    expect(expired.kind).toBe("expired");
  });
});
