import { certificates, users } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import {
  createJobQueue,
  issueCertificateJob,
  type JobRunner,
  type OutboxHandle,
  openOutbox,
  startJobRunner,
} from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import { createPostgresSearch } from "@lumen/search";
import { startWranglerDev, type WranglerDev } from "@lumen/tools/wrangler-dev";
import { createCaller, createContextInner, type SessionUser } from "@lumen/trpc";
import { createProgressIngest } from "@lumen/trpc/services/progress/ingest";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { parseApiEnv } from "../src/env";
import { jobHandlers } from "../src/jobs/handlers";
import { createLogger } from "../src/logger";
import { createMediaContext } from "../src/media";
import { finishedEnrollment } from "./certificates-fixtures";

// Issue 5's certificate path end to end: the job runner issues (PDF into R2 through the real
// edge), publishes to the edge's KV, and the edge's public verification follows revocation.
let edge: WranglerDev;
let database: TestDatabase;
let outbox: OutboxHandle;
let media: MediaContext;
let runner: JobRunner;
const logs: string[] = [];

const instructor: SessionUser = {
  id: "edge-instructor",
  name: "Ines Instructor",
  email: "ines@edge.test",
  role: "instructor",
};

beforeAll(async () => {
  [edge, database] = await Promise.all([startWranglerDev(), createTestDatabase()]);
  const env = parseApiEnv({ LUMEN_ENV: "test", EDGE_URL: edge.url });
  media = createMediaContext(env);
  outbox = await openOutbox(database.connection);
  const logger = createLogger({ level: "info", write: (line) => logs.push(line) });
  runner = await startJobRunner({
    queue: createJobQueue(database.connection),
    handlers: jobHandlers({
      db: database.db,
      env,
      logger,
      search: createPostgresSearch({ db: database.db }),
      outbox,
      media,
      ffmpeg: null,
    }),
    logger,
    pollingIntervalSeconds: 0.5,
  });
}, 180_000);
afterAll(async () => {
  await runner?.stop(5_000);
  await outbox?.close();
  await database?.close();
  await edge?.stop();
});

function api(user: SessionUser) {
  const search = createPostgresSearch({ db: database.db });
  const progress = createProgressIngest({ db: database.db, outbox });
  return createCaller(
    createContextInner({ db: database.db, user, outbox, search, media, progress }),
  );
}

/** Waits until the runner has published the certificate's state as of `after`. */
async function publishedAfter(enrollmentId: string, after: Date) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [cert] = await database.db
      .select()
      .from(certificates)
      .where(eq(certificates.enrollmentId, enrollmentId));
    if (cert?.publishedAt && cert.publishedAt > after && cert.pdfPath) return cert;
    if (Date.now() > deadline) {
      throw new Error(`certificate not published in time:\n${logs.join("\n").slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function verify(id: string) {
  const res = await fetch(`${edge.url}/certificates/${id}/verify`);
  return {
    httpStatus: res.status,
    body: z.record(z.string(), z.unknown()).parse(await res.json()),
  };
}

describe("certificates through the real edge (wrangler dev)", { timeout: 90_000 }, () => {
  it("issue → publish → valid at the edge; revoke → publish → revoked, JSON and page", async () => {
    await database.db
      .insert(users)
      .values([instructor, { id: "edge-learner", name: "Lea Learner", email: "lea@edge.test" }]);
    const { course, enrollmentId } = await finishedEnrollment(database.db, {
      instructorId: instructor.id,
      learnerId: "edge-learner",
    });
    const start = new Date(0);

    await database.db.transaction((tx) =>
      outbox.enqueue(tx, issueCertificateJob, { enrollmentId }),
    );
    const issued = await publishedAfter(enrollmentId, start);

    const valid = await verify(issued.id);
    expect(valid.httpStatus).toBe(200);
    expect(valid.body).toMatchObject({
      id: issued.id,
      status: "valid",
      certificate: {
        learnerName: "Lea Learner",
        courseTitle: "Data Science Basics",
        courseId: course.id,
      },
    });
    const pdf = await media.store.get(issued.id, "certificate.pdf");
    const bytes = new Uint8Array(await new Response(pdf?.body).arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");

    await api(instructor).certificates.revoke({
      certificateId: issued.id,
      reason: "Exam taken by someone else.",
    });
    await publishedAfter(enrollmentId, issued.publishedAt ?? start);

    const revoked = await verify(issued.id);
    expect(revoked.body).toMatchObject({
      status: "revoked",
      revocation: { reason: "Exam taken by someone else." },
    });
    const page = await fetch(`${edge.url}/certificates/${issued.id}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/Revoked/);
    expect(html).toContain("Lea Learner");
  });
});
