import { randomUUID } from "node:crypto";
import { issueCertificate } from "@lumen/core/certificates";
import {
  courseInstructors,
  courses,
  type Database,
  enrollments,
  lessonProgress,
  lessons,
  modules,
} from "@lumen/db";
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
  const slug = `data-science-${randomUUID().slice(0, 8)}`;
  const [course] = await db
    .insert(courses)
    .values({
      slug,
      title: "Data Science Basics",
      category: "Data Science",
      level: "beginner",
      language: "en",
      instructorId,
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: courses.id, slug: courses.slug });
  if (!course) throw new Error("course insert returned nothing");
  for (const userId of coInstructorIds) {
    await db.insert(courseInstructors).values({ courseId: course.id, userId });
  }
  const [mod] = await db
    .insert(modules)
    .values({ courseId: course.id, title: "Only module", position: 0 })
    .returning({ id: modules.id });
  if (!mod) throw new Error("module insert returned nothing");
  const [lesson] = await db
    .insert(lessons)
    .values({ moduleId: mod.id, title: "Only lesson", kind: "text", position: 0 })
    .returning({ id: lessons.id });
  const [enrollment] = await db
    .insert(enrollments)
    .values({ userId: learnerId, courseId: course.id })
    .returning({ id: enrollments.id });
  if (!lesson || !enrollment) throw new Error("lesson or enrollment insert returned nothing");
  await db
    .insert(lessonProgress)
    .values({ enrollmentId: enrollment.id, lessonId: lesson.id, completedAt: new Date() });
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
