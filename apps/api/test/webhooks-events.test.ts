import { randomUUID } from "node:crypto";
import { issueCertificate, revokeCertificate } from "@lumen/core/certificates";
import { enrollInCourse } from "@lumen/core/enrollment";
import type { SessionUser } from "@lumen/core/kernel";
import {
  createCourseWithLessons,
  createTestCertificateIssuer,
  createTestWorld,
  createUser,
  TEST_EDGE_URL,
  type TestWorld,
} from "@lumen/core/testing";
import { createWebhookEndpoint, listWebhookDeliveries } from "@lumen/core/webhooks";
import { WEBHOOK_EVENT_TYPES } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWebhookJobs, startWebhookReceiver } from "./webhook-receiver";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const quiet = { info: () => {} };
const runJobs = () => runWebhookJobs(world);

const done = (lessonId: string, enrollmentId: string) => ({
  eventId: randomUUID(),
  enrollmentId,
  lessonId,
  watched: [],
  positionSeconds: 0,
  completed: true,
  occurredAt: Date.now(),
});

describe("webhook events reach a local receiver, signed", () => {
  it("the five events arrive after the real actions, each verified, at the learner's and the course's endpoints", async () => {
    const instructor: SessionUser = await createUser(world.db, "instructor");
    const learner: SessionUser = await createUser(world.db, "learner");
    const { course, lessonIds } = await createCourseWithLessons(world.db, instructor, [
      { kind: "text" },
      { kind: "text" },
    ]);
    const [first = "", second = ""] = lessonIds;
    const mine = await startWebhookReceiver();
    const theirs = await startWebhookReceiver();
    try {
      const personal = await createWebhookEndpoint({
        db: world.db,
        user: learner,
        input: { url: mine.url, description: "", events: [...WEBHOOK_EVENT_TYPES] },
      });
      mine.useSecret(personal.secret);
      const courseHook = await createWebhookEndpoint({
        db: world.db,
        user: instructor,
        input: {
          url: theirs.url,
          description: "LMS",
          events: [...WEBHOOK_EVENT_TYPES],
          courseId: course.id,
        },
      });
      theirs.useSecret(courseHook.secret);

      const { enrollmentId } = await enrollInCourse({
        db: world.db,
        user: learner,
        outbox: world.outbox,
        input: { courseId: course.id },
      });
      await runJobs();
      expect(mine.received.map((r) => r.payload.type)).toEqual(["enrollment.created"]);

      // One lesson, then the last one in a batch: lesson.completed twice, then course.completed.
      await world.progress.record(learner, [done(first, enrollmentId)]);
      await world.progress.record(learner, [done(second, enrollmentId), done(first, enrollmentId)]);
      await runJobs();

      const issued = await issueCertificate(
        {
          db: world.db,
          outbox: world.outbox,
          store: world.mediaStore,
          issuer: await createTestCertificateIssuer(),
          links: { edgeUrl: TEST_EDGE_URL, webOrigin: "http://localhost:5173" },
          logger: quiet,
        },
        enrollmentId,
      );
      if (!("certificateId" in issued)) throw new Error(`not issued: ${issued.status}`);
      await revokeCertificate({
        db: world.db,
        user: instructor,
        outbox: world.outbox,
        media: world.media,
        input: { certificateId: issued.certificateId, reason: "Issued by mistake." },
      });
      await runJobs();

      // Deliveries queued in one transaction have no order among them: compare as sets.
      const byType = (received: typeof mine.received) =>
        received
          .map((r) => r.payload)
          .sort((a, b) =>
            `${a.type}${a.data.lesson_id === first ? 1 : 2}`.localeCompare(
              `${b.type}${b.data.lesson_id === first ? 1 : 2}`,
            ),
          );
      for (const receiver of [mine, theirs]) {
        expect(byType(receiver.received).map((p) => p.type)).toEqual([
          "certificate.issued",
          "certificate.revoked",
          "course.completed",
          "enrollment.created",
          "lesson.completed",
          "lesson.completed",
        ]);
        expect(receiver.received.every((r) => r.verified)).toBe(true);
      }
      const [issuedData, revokedData, courseData, enrolledData, firstData, secondData] = byType(
        mine.received,
      ).map((p) => p.data);
      const ids = { enrollment_id: enrollmentId, course_id: course.id, user_id: learner.id };
      expect(enrolledData).toEqual({ ...ids, enrolled_at: expect.any(String) });
      expect(firstData).toEqual({ ...ids, lesson_id: first, completed_at: expect.any(String) });
      expect(secondData).toEqual({ ...ids, lesson_id: second, completed_at: expect.any(String) });
      expect(courseData).toEqual({ ...ids, completed_at: expect.any(String) });
      expect(issuedData).toEqual({
        ...ids,
        certificate_id: issued.certificateId,
        issued_at: expect.any(String),
      });
      expect(revokedData).toEqual({
        course_id: course.id,
        user_id: learner.id,
        certificate_id: issued.certificateId,
        revoked_at: expect.any(String),
        reason: "Issued by mistake.",
      });
      // One message id per event, shared by both endpoints; the header matches the log.
      const idsMine = mine.received.map((r) => r.headers["webhook-id"]);
      expect(new Set(idsMine).size).toBe(6);
      expect(theirs.received.map((r) => r.headers["webhook-id"]).sort()).toEqual(
        [...idsMine].sort(),
      );
      const log = await listWebhookDeliveries({
        db: world.db,
        user: learner,
        input: { endpointId: personal.endpoint.id },
      });
      expect(log.items.every((d) => d.status === "succeeded" && d.lastStatusCode === 200)).toBe(
        true,
      );
      expect(log.items.map((d) => d.eventId).sort()).toEqual([...idsMine].sort());
    } finally {
      await mine.close();
      await theirs.close();
    }
  });
});
