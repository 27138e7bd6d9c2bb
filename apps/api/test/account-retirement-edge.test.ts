import { requestExport } from "@lumen/core/privacy";
import {
  addLessonOfKind,
  createAssignmentAttachment,
  createCourse,
  createSession,
  createUser,
  ESSAY_PDF,
} from "@lumen/core/testing";
import { importSigningKeys, isStatusSet, verifyStatusList } from "@lumen/credentials";
import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import {
  assignmentAttachments,
  certificates,
  dataExports,
  enrollments,
  lessonProgress,
  sessions,
  users,
} from "@lumen/db";
import { issueCertificateJob } from "@lumen/jobs";
import { catalogQuerySchema } from "@lumen/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedEnrollment } from "./certificate-issue";
import { type EdgeStack, startEdgeStack } from "./edge-stack";
import { purgedVersions, retireNow, until, verifyAtEdge } from "./retirement-edge";

// Account retirement through the real edge (wrangler dev, local R2 and KV), the real job runner
// and the test file's own Postgres and search index: each store a retired user's data was in is
// checked after ONE retirement (issue 16: "deletion end to end … assert each store").
let stack: EdgeStack;
beforeAll(async () => {
  stack = await startEdgeStack({ ffmpeg: null });
}, 180_000);
afterAll(() => stack?.close());

const verify = (id: string) => verifyAtEdge(stack, id);
const search = async (q: string) =>
  (await stack.search.search(catalogQuerySchema.parse({ q }))).items;

describe("retiring an account through the real edge", { timeout: 120_000 }, () => {
  it("a learner's files leave R2, the certificate is withdrawn at the edge, and Postgres follows the per-table rules", async () => {
    const instructor = await createUser(stack.db, "instructor", { name: "Ines Instructor" });
    const learner = await createUser(stack.db, "learner", { name: "Lea Holder" });
    const { course, enrollmentId } = await finishedEnrollment(stack.db, {
      instructorId: instructor.id,
      learnerId: learner.id,
    });
    await stack.db.transaction((tx) =>
      stack.outbox.enqueue(tx, issueCertificateJob, { enrollmentId }),
    );
    const issued = await until(stack, "issuing and publishing", async () => {
      const [row] = await stack.db
        .select()
        .from(certificates)
        .where(eq(certificates.enrollmentId, enrollmentId));
      return row?.publishedAt && row.pdfPath ? row : null;
    });
    // After the certificate: an assignment with the learner's attachment, stored in R2.
    const assignment = await addLessonOfKind(stack.db, course.id, "assignment");
    const attachment = await createAssignmentAttachment(stack.db, {
      lessonId: assignment.id,
      enrollmentId,
      filename: "essay.pdf",
      byteSize: ESSAY_PDF.length,
    });
    const files = {
      certificate: { purpose: "certificate" as const, id: issued.id },
      attachment: { purpose: "attachment" as const, id: attachment.id },
    };
    await stack.media.store.putFile(files.attachment, ESSAY_PDF, "application/pdf");
    // A data export, prepared by the runner's privacy.export job into R2.
    const requested = await requestExport({ db: stack.db, user: learner, outbox: stack.outbox });
    await until(stack, "the export archive", async () => {
      const [row] = await stack.db
        .select()
        .from(dataExports)
        .where(eq(dataExports.id, requested.id));
      return row?.status === "ready" ? row : null;
    });
    const archive = { purpose: "export" as const, id: requested.id };
    await createSession(stack.db, learner);
    await stack.search.indexCourse(course.id);
    // Verified once, so the edge has a cached verdict with the name in it.
    expect(await verify(issued.id)).toMatchObject({
      status: "valid",
      certificate: { learnerName: "Lea Holder" },
    });
    for (const file of [files.certificate, files.attachment, archive]) {
      expect(await stack.media.store.headFile(file)).not.toBeNull();
    }

    const { id: retirementId, outcome } = await retireNow(stack, learner);
    expect(outcome).toBe("completed");

    // R2: the certificate PDF, the attachment and the export archive are gone.
    for (const file of [files.certificate, files.attachment, archive]) {
      expect(await stack.media.store.headFile(file), file.purpose).toBeNull();
    }
    // KV: the record is the final "withdrawn" one and the cached verdict was dropped.
    const withdrawn = await until(stack, "the withdrawal reaching the edge", async () => {
      const answer = await verify(issued.id);
      return answer.reason === "withdrawn" ? answer : null;
    });
    expect(withdrawn).toEqual({
      status: "revoked",
      reason: "withdrawn",
      certificate: null,
      credential: null,
    });
    const page = await (await fetch(`${stack.edge.url}/certificates/${issued.id}`)).text();
    expect(page).toContain("Withdrawn at the holder’s request");
    expect(page).not.toContain("Lea Holder");
    expect(page).not.toContain("Data Science Basics");
    const index = issued.statusListIndex ?? -1;
    const ring = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
    const bits = await until(stack, "the status list with its bit set", async () => {
      const res = await fetch(`${stack.edge.url}/status/1`);
      if (!res.ok) return null;
      const check = await verifyStatusList(await res.text(), ring.publicKeys, {
        issuerId: DEV_ISSUER_ID,
        list: 1,
      });
      return check.ok && isStatusSet(check.bits, index) ? check.bits : null;
    });
    expect(isStatusSet(bits, index)).toBe(true);

    // Search: the index holds course cards only; the learner is in none of them (the search
    // is fuzzy, so a query for the name may still find courses, never the name).
    for (const q of ["Lea Holder", "Data Science Basics"]) {
      const text = JSON.stringify(await search(q));
      expect(text).not.toContain("Lea Holder");
      expect(text).not.toContain(learner.id);
    }
    const card = (await search("Data Science Basics")).find((item) => item.id === course.id);
    expect(card?.instructorName).toBe("Ines Instructor");

    // Postgres, per docs/privacy.md: delete …
    const { db } = stack;
    expect(await db.select().from(sessions).where(eq(sessions.userId, learner.id))).toEqual([]);
    expect(await db.select().from(dataExports).where(eq(dataExports.userId, learner.id))).toEqual(
      [],
    );
    expect(
      await db
        .select()
        .from(assignmentAttachments)
        .where(eq(assignmentAttachments.enrollmentId, enrollmentId)),
    ).toEqual([]);
    expect(
      await db.select().from(lessonProgress).where(eq(lessonProgress.enrollmentId, enrollmentId)),
    ).toEqual([]);
    // … anonymise (the users row is the tombstone; the certificate row stays, withdrawn) …
    const [tombstone] = await db.select().from(users).where(eq(users.id, learner.id));
    expect(tombstone).toMatchObject({
      name: "Deleted user",
      email: `retired-${retirementId}@deleted.invalid`,
      image: null,
      timeZone: null,
      locale: null,
    });
    const [certificate] = await db
      .select()
      .from(certificates)
      .where(eq(certificates.id, issued.id));
    expect(certificate).toMatchObject({ learnerName: "Deleted user", credential: null });
    expect(certificate?.pdfPath).toBeNull();
    expect(certificate?.withdrawnAt).not.toBeNull();
    // … keep (the enrollment, on the tombstone: the certificate references it).
    const [enrollment] = await db
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, enrollmentId));
    expect(enrollment).toMatchObject({ userId: learner.id, courseId: course.id });
  });

  it("an instructor's published course shows the tombstone author in search, and the edge's catalog is purged", async () => {
    const instructor = await createUser(stack.db, "instructor", { name: "Ivo Painter" });
    const course = await createCourse(stack.db, instructor, {
      title: "Watercolour washes",
      publishedAt: new Date(),
    });
    await stack.search.indexCourse(course.id);
    const shown = async () =>
      (await search("Watercolour washes")).find((item) => item.id === course.id);
    expect((await shown())?.instructorName).toBe("Ivo Painter");
    const before = Date.now();

    const { outcome } = await retireNow(stack, instructor);
    expect(outcome).toBe("completed");

    // The retirement's search.index-course job reindexes it, then purges the edge.
    const hit = await until(stack, "the course reindexed", async () => {
      const card = await shown();
      return card?.instructorName === "Deleted user" ? card : null;
    });
    expect(hit).toMatchObject({ id: course.id, title: "Watercolour washes" });
    expect(JSON.stringify(await search("Ivo Painter"))).not.toContain("Ivo Painter");
    const [version] = await until(stack, "the edge catalog purge", async () => {
      const versions = purgedVersions(stack, course.id);
      return versions.length > 0 ? versions : null;
    });
    // The edge's new KV version is its clock at the purge (or one more than the last).
    expect(version).toBeGreaterThanOrEqual(before);
  });
});
