/**
 * The data export of a learner who used every feature, checked value by value against a
 * golden file (golden/export.json) with ids and times normalised (normaliseForGolden). A
 * difference fails with the diff. After a deliberate change (a new area or table, a column
 * added or dropped), regenerate the file and review its diff before committing:
 *
 *   UPDATE_GOLDEN=1 pnpm --filter @lumen/core exec vitest run src/privacy/export.test.ts
 *
 * A new area needs nothing else here: the golden file and the file list follow EXPORT_AREAS
 * and the registry. Give the busy learner (createEveryFeatureLearner) a row in it too.
 */
import { readFile } from "node:fs/promises";
import { apiKeys, emailSends, notifications, sessions, webhookEndpoints } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CERTIFICATE_PDF,
  createAssignmentReview,
  createEveryFeatureLearner,
  createTestWorld,
  createUser,
  ESSAY_PDF,
  EVERY_FEATURE_LESSONS,
  enrolledLearner,
  FORUM_IMAGE,
  normaliseForGolden,
  readGolden,
  type TestUser,
  type TestWorld,
  voteFor,
} from "../testing";
import { EXPORT_AREAS } from "./areas";
import { openExportDownload } from "./download";
import { listExports, requestExport } from "./request";
import { runExport } from "./run";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const logger = { error: () => {} };
const GOLDEN = new URL("./golden/export.json", import.meta.url);
const REGENERATE =
  "UPDATE_GOLDEN=1 pnpm --filter @lumen/core exec vitest run src/privacy/export.test.ts";

/** The tables the busy learner writes to (issue 16: "a learner who used every feature"). */
const USED = {
  enrollments: ["enrollments"],
  progress: ["lesson_progress", "progress_events", "playback_starts"],
  "quiz-attempts": ["quiz_attempts"],
  "exercise-submissions": ["exercise_submissions"],
  assignments: ["assignment_submissions", "assignment_attachments", "assignment_reviews"],
  forum: ["forum_threads", "forum_replies", "forum_votes", "forum_follows", "forum_images"],
  ratings: ["course_ratings"],
  notifications: ["notifications"],
  certificates: ["certificates"],
  "api-keys": ["api_keys"],
  webhooks: ["webhook_endpoints"],
  "email-preferences": ["email_preferences"],
  profile: ["users", "sessions"],
  exports: ["data_exports"],
} as const;

describe("a learner's data export", () => {
  let a: TestUser;
  let b: TestUser;
  let files: Record<string, Uint8Array>;
  let aData: Awaited<ReturnType<typeof createEveryFeatureLearner>>;
  let bData: Awaited<ReturnType<typeof createEveryFeatureLearner>>;
  let exportId: string;

  const json = (area: string) =>
    JSON.parse(strFromU8(files[`${area}.json`] ?? new Uint8Array())) as Record<string, unknown[]>;
  /** Every file of the archive as text (binary files byte for byte), names included. */
  const everything = () =>
    Object.entries(files)
      .map(([name, bytes]) => `${name}\n${Buffer.from(bytes).toString("latin1")}`)
      .join("\n");
  /** What must never leave: the key's hash, the webhook's signing secret, the session token. */
  async function secretsOf(user: TestUser) {
    const { db } = world;
    const keys = await db.select().from(apiKeys).where(eq(apiKeys.userId, user.id));
    const hooks = await db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.userId, user.id));
    const signIns = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    const secrets = [
      ...keys.map((k) => k.secretHash),
      ...hooks.map((h) => h.secret),
      ...signIns.map((s) => s.token),
    ];
    expect(secrets).toHaveLength(3);
    return secrets;
  }

  beforeAll(async () => {
    const { db } = world;
    const instructor = await createUser(db, "instructor", { name: "Ines Instructor" });
    const setup = await enrolledLearner(db, instructor, EVERY_FEATURE_LESSONS);
    a = await createUser(db, "learner", { name: "Alice Export" });
    b = await createUser(db, "learner", { name: "Bob Other" });
    aData = await createEveryFeatureLearner(world, a, setup.course, setup.lessonIds, 1);
    bData = await createEveryFeatureLearner(world, b, setup.course, setup.lessonIds, 2);
    // Each votes for and reviews the other's work: Alice's export has the vote and the review
    // she gave (naming Bob's thread and submission by id only), never Bob's of hers.
    await voteFor(world, a, { type: "thread", id: bData.thread.id });
    await voteFor(world, b, { type: "thread", id: aData.thread.id });
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

  it("holds the README, one JSON file per area, and the certificate PDF, attachment and forum image", () => {
    const certificate = `files/certificates/${aData.certificate.id}.pdf`;
    const attachment = `files/attachments/${aData.attachmentId}-essay.pdf`;
    const image = `files/forum-images/${aData.imageId}-diagram.png`;
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.md",
        ...EXPORT_AREAS.map((area) => `${area}.json`),
        certificate,
        attachment,
        image,
      ].sort(),
    );
    expect(files[certificate]).toEqual(CERTIFICATE_PDF);
    expect(files[attachment]).toEqual(ESSAY_PDF);
    expect(files[image]).toEqual(FORUM_IMAGE);
    const readme = strFromU8(files["README.md"] ?? new Uint8Array());
    for (const area of EXPORT_AREAS) expect(readme).toContain(`\`${area}.json\``);
    expect(readme).toContain("(3)");
  });

  it("has a row of the learner's in every table of every feature they used", () => {
    for (const [area, tables] of Object.entries(USED)) {
      const rows = json(area);
      for (const table of tables) expect(rows[table], `${area}.json ${table}`).not.toEqual([]);
    }
  });

  it("matches the golden file, value by value (ids and times normalised)", async () => {
    const [key] = await world.db.select().from(apiKeys).where(eq(apiKeys.userId, a.id));
    const areas = Object.fromEntries(EXPORT_AREAS.map((area) => [area, json(area)]));
    // The key's prefix is random but public (shown in the UI), so it is exported, named here.
    const actual = normaliseForGolden(areas, { [key?.prefix ?? "?"]: "<api-key-prefix>" });
    const golden = await readGolden(GOLDEN, actual, {
      update: process.env.UPDATE_GOLDEN === "1",
    });
    expect(actual, `differs from golden/export.json; if that is deliberate: ${REGENERATE}`).toEqual(
      golden,
    );
  });

  it("never holds a secret: not in the archive, not in the golden file", async () => {
    const golden = await readFile(GOLDEN, "utf8");
    const archive = everything();
    for (const secret of await secretsOf(a)) {
      expect(archive).not.toContain(secret);
      expect(golden).not.toContain(secret);
    }
  });

  it("never holds a second learner's data, in any file or file name", async () => {
    const archive = everything();
    expect(archive).toContain(a.id);
    expect(archive).toContain(a.email);
    // Bob's thread and submission appear by id only, in the vote and review Alice gave.
    const bobs = [
      b.id,
      b.email,
      b.name,
      bData.enrollment.id,
      bData.certificate.id,
      bData.attachmentId,
      bData.replyId,
      bData.imageId,
      bData.ratingId,
      ...(await secretsOf(b)),
    ];
    for (const foreign of bobs) expect(archive).not.toContain(foreign);
    const bobsNotices = await world.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, b.id));
    for (const { id } of bobsNotices) expect(archive).not.toContain(id);
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
