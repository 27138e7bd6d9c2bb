import { type CertificateIssuer, issueCertificate } from "@lumen/core/certificates";
import type { SessionUser } from "@lumen/core/kernel";
import {
  createCourse,
  createEnrollmentWithProgress,
  createTestCertificateIssuer,
  createUser,
  TEST_EDGE_URL,
} from "@lumen/core/testing";
import { certificates, courseInstructors } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
let coInstructor: SessionUser;
let otherInstructor: SessionUser;
let admin: SessionUser;
let issuer: CertificateIssuer;

beforeAll(async () => {
  t = await createTestContext();
  [owner, coInstructor, otherInstructor, admin] = await Promise.all([
    createUser(t.db, "instructor"),
    createUser(t.db, "instructor"),
    createUser(t.db, "instructor"),
    createUser(t.db, "admin"),
  ]);
  issuer = await createTestCertificateIssuer();
});
afterAll(() => t.close());

const certs = (user: SessionUser | null) => t.callerFor(user).certificates;

/** A learner with an issued certificate (PDF rendered) in a course of `owner`'s. */
async function issued(learner?: SessionUser, title = "Linear Algebra") {
  const who = learner ?? (await createUser(t.db, "learner"));
  const course = await createCourse(t.db, owner, { title });
  await t.db.insert(courseInstructors).values({ courseId: course.id, userId: coInstructor.id });
  const { enrollmentId } = await createEnrollmentWithProgress(t.db, {
    learner: who,
    courseId: course.id,
  });
  const outcome = await issueCertificate(
    {
      db: t.db,
      outbox: t.outbox,
      store: t.mediaStore,
      issuer,
      links: { edgeUrl: TEST_EDGE_URL, webOrigin: "http://localhost:5173" },
      logger: { info: () => {} },
    },
    enrollmentId,
  );
  if (!("certificateId" in outcome)) throw new Error(`not issued: ${outcome.status}`);
  return { learner: who, course, certificateId: outcome.certificateId };
}

async function row(certificateId: string) {
  const [r] = await t.db.select().from(certificates).where(eq(certificates.id, certificateId));
  return r;
}

async function publishJobs(certificateId: string) {
  const { rows } = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job
        where name = 'certificates.publish' and data->>'certificateId' = ${certificateId}`,
  );
  return rows[0]?.n;
}

describe("certificates.mine", () => {
  it("lists the caller's own certificates, newest first, with the edge page and the PDF path", async () => {
    const learner = await createUser(t.db, "learner");
    const first = await issued(learner, "Calculus I");
    const second = await issued(learner, "Calculus II");
    await issued(); // someone else's

    const mine = await certs(learner).mine();

    expect(mine.map((c) => c.courseTitle)).toEqual(["Calculus II", "Calculus I"]);
    expect(mine[0]).toEqual({
      id: second.certificateId,
      courseId: second.course.id,
      courseSlug: second.course.slug,
      courseTitle: "Calculus II",
      learnerName: learner.name,
      issuedAt: expect.any(String),
      verifyUrl: `${TEST_EDGE_URL}/certificates/${second.certificateId}`,
      pdfUrl: `/api/certificates/${second.certificateId}/pdf`,
      revokedAt: null,
      revokedReason: null,
    });
    expect(mine[1]?.id).toBe(first.certificateId);
  });

  it("has no PDF link until the PDF is rendered", async () => {
    const { learner, certificateId } = await issued();
    await t.db
      .update(certificates)
      .set({ pdfPath: null })
      .where(eq(certificates.id, certificateId));

    const [summary] = await certs(learner).mine();

    expect(summary?.pdfUrl).toBeNull();
  });

  it("is empty for a user without certificates and refused anonymously", async () => {
    expect(await certs(await createUser(t.db, "learner")).mine()).toEqual([]);
    expect(await codeOf(certs(null).mine())).toBe("UNAUTHORIZED");
  });
});

describe("certificates.revoke", () => {
  const reason = "Plagiarised final assignment.";

  it("an admin revokes with a reason; the learner sees it and a publish job is queued", async () => {
    const { learner, certificateId } = await issued();

    const summary = await certs(admin).revoke({ certificateId, reason });

    expect(summary).toMatchObject({ id: certificateId, revokedReason: reason });
    expect(summary.revokedAt).toEqual(expect.any(String));
    expect(await row(certificateId)).toMatchObject({ revokedReason: reason, revokedBy: admin.id });
    expect((await certs(learner).mine())[0]).toMatchObject({
      revokedAt: summary.revokedAt,
      revokedReason: reason,
    });
    // One from issuing, one from revoking.
    expect(await publishJobs(certificateId)).toBe(2);
  });

  it("the course's instructor and a co-instructor may revoke", async () => {
    const a = await issued();
    const b = await issued();

    await certs(owner).revoke({ certificateId: a.certificateId, reason });
    await certs(coInstructor).revoke({ certificateId: b.certificateId, reason });

    expect((await row(a.certificateId))?.revokedBy).toBe(owner.id);
    expect((await row(b.certificateId))?.revokedBy).toBe(coInstructor.id);
  });

  it("refuses the certificate's own learner (FORBIDDEN) and strangers as if it did not exist (NOT_FOUND)", async () => {
    const { learner, certificateId } = await issued();
    const otherLearner = await createUser(t.db, "learner");

    expect(await codeOf(certs(learner).revoke({ certificateId, reason }))).toBe("FORBIDDEN");
    expect(await codeOf(certs(otherInstructor).revoke({ certificateId, reason }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(certs(otherLearner).revoke({ certificateId, reason }))).toBe("NOT_FOUND");
    expect(await codeOf(certs(null).revoke({ certificateId, reason }))).toBe("UNAUTHORIZED");
    expect(await row(certificateId)).toMatchObject({ revokedAt: null, revokedBy: null });
    expect(await publishJobs(certificateId)).toBe(1);
  });

  it("a learner listed as co-instructor still may not revoke (editors are instructors or admins)", async () => {
    const { course, certificateId } = await issued();
    const learnerHelper = await createUser(t.db, "learner");
    await t.db.insert(courseInstructors).values({ courseId: course.id, userId: learnerHelper.id });

    expect(await codeOf(certs(learnerHelper).revoke({ certificateId, reason }))).toBe("NOT_FOUND");
  });

  it("revoking twice is a conflict and keeps the first reason", async () => {
    const { certificateId } = await issued();
    await certs(admin).revoke({ certificateId, reason });

    expect(
      await codeOf(certs(owner).revoke({ certificateId, reason: "Another reason entirely." })),
    ).toBe("CONFLICT");
    expect(await row(certificateId)).toMatchObject({ revokedReason: reason, revokedBy: admin.id });
    expect(await publishJobs(certificateId)).toBe(2);
  });

  it("an unknown id is NOT_FOUND, and a reason is required", async () => {
    const { certificateId } = await issued();

    expect(
      await codeOf(
        certs(admin).revoke({ certificateId: "0b7e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d", reason }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(certs(admin).revoke({ certificateId, reason: " " }))).toBe("BAD_REQUEST");
  });
});

describe("certificates.request", () => {
  async function issueJobs(enrollmentId: string) {
    const { rows } = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job
          where name = 'certificates.issue' and data->>'enrollmentId' = ${enrollmentId}`,
    );
    return rows[0]?.n;
  }

  it("queues issuing for a finished course that no completion event announced", async () => {
    const learner = await createUser(t.db, "learner");
    const course = await createCourse(t.db, owner, { title: "Finished by Removal" });
    const { enrollmentId } = await createEnrollmentWithProgress(t.db, {
      learner,
      courseId: course.id,
    });
    const before = await issueJobs(enrollmentId);
    const answer = await certs(learner).request({ courseId: course.id });
    expect(answer).toEqual({ status: "pending", enrollmentId });
    expect(await issueJobs(enrollmentId)).toBe((before ?? 0) + 1);
  });

  it("answers with the certificate once it exists, and queues nothing", async () => {
    const { learner, course, certificateId } = await issued();
    const [enrollment] = await t.db
      .select({ id: certificates.enrollmentId })
      .from(certificates)
      .where(eq(certificates.id, certificateId));
    const before = await issueJobs(enrollment?.id ?? "");
    expect(await certs(learner).request({ courseId: course.id })).toEqual({
      status: "issued",
      certificateId,
    });
    expect(await issueJobs(enrollment?.id ?? "")).toBe(before);
  });

  it("refuses an unfinished course (CONFLICT) and a course the caller is not enrolled in", async () => {
    const learner = await createUser(t.db, "learner");
    const course = await createCourse(t.db, owner, { title: "Half Done" });
    const { enrollmentId } = await createEnrollmentWithProgress(t.db, {
      learner,
      courseId: course.id,
      lessons: 2,
      completed: 1,
    });
    expect(await codeOf(certs(learner).request({ courseId: course.id }))).toBe("CONFLICT");
    expect(await issueJobs(enrollmentId)).toBe(0);
    const stranger = await createUser(t.db, "learner");
    expect(await codeOf(certs(stranger).request({ courseId: course.id }))).toBe("NOT_FOUND");
  });
});
