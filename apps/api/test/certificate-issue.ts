import { randomUUID } from "node:crypto";
import { issueCertificate } from "@lumen/core/certificates";
import {
  completeLessons,
  createCourse,
  createEnrollment,
  createLesson,
  createModule,
} from "@lumen/core/testing";
import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import type { ApiEnv } from "../src/env";
import { loadCertificateIssuer } from "../src/jobs/credential-issuer";

/**
 * A published course of `instructorId` (plus optional co-instructors) with one lesson, and a
 * learner who completed it: an enrollment eligible for its certificate.
 */
export async function finishedEnrollment(
  db: Database,
  {
    instructorId,
    learnerId,
    coInstructorIds = [],
  }: {
    instructorId: string;
    learnerId: string;
    coInstructorIds?: string[];
  },
) {
  const course = await createCourse(
    db,
    { id: instructorId },
    {
      slug: `data-science-${randomUUID().slice(0, 8)}`,
      title: "Data Science Basics",
      category: "Data Science",
      publishedAt: new Date(),
      coInstructors: coInstructorIds.map((id) => ({ id })),
    },
  );
  const mod = await createModule(db, course.id, { title: "Only module" });
  const lesson = await createLesson(db, mod.id, { title: "Only lesson", kind: "text" });
  const enrollment = await createEnrollment(db, { id: learnerId }, course.id);
  await completeLessons(db, enrollment.id, [lesson.id], null);
  return { course, enrollmentId: enrollment.id };
}

/** Runs the issuing service exactly as the certificates.issue job does; returns the id. */
export async function issueFor(
  deps: { db: Database; outbox: Outbox; media: MediaContext; env: ApiEnv },
  enrollmentId: string,
): Promise<string> {
  const outcome = await issueCertificate(
    {
      db: deps.db,
      outbox: deps.outbox,
      store: deps.media.store,
      issuer: await loadCertificateIssuer(deps.env),
      links: { edgeUrl: deps.media.edgeUrl, webOrigin: deps.env.WEB_ORIGIN },
      logger: { info: () => {} },
    },
    enrollmentId,
  );
  if (!("certificateId" in outcome)) throw new Error(`certificate not issued: ${outcome.status}`);
  return outcome.certificateId;
}
