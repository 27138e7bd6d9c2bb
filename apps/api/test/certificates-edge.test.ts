import type { SessionUser } from "@lumen/core/kernel";
import { createUser } from "@lumen/core/testing";
import { certificates } from "@lumen/db";
import { issueCertificateJob } from "@lumen/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { finishedEnrollment } from "./certificate-issue";
import { type EdgeStack, startEdgeStack } from "./edge-stack";
import { createTestApp } from "./harness";
import { type Contract, createContract, type OpenApiDocument } from "./v1-contract";

// Issue 5's certificate path end to end: the job runner issues (PDF into R2 through the real
// edge), publishes to the edge's KV, and the edge's public verification follows revocation.
let stack: EdgeStack;
/** The API's OpenAPI document, which describes the edge's verification too. */
let contract: Contract;

const instructor: SessionUser = {
  id: "edge-instructor",
  name: "Ines Instructor",
  email: "ines@edge.test",
  role: "instructor",
};

beforeAll(async () => {
  stack = await startEdgeStack({ ffmpeg: null });
  const t = await createTestApp();
  try {
    const res = await t.app.request("/api/v1/openapi.json");
    contract = createContract((await res.json()) as OpenApiDocument);
  } finally {
    await t.database.close();
  }
}, 180_000);
afterAll(() => stack?.close());

/** Waits until the runner has published the certificate's state as of `after`. */
async function publishedAfter(enrollmentId: string, after: Date) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [cert] = await stack.db
      .select()
      .from(certificates)
      .where(eq(certificates.enrollmentId, enrollmentId));
    if (cert?.publishedAt && cert.publishedAt > after && cert.pdfPath) return cert;
    if (Date.now() > deadline) {
      throw new Error(`certificate not published in time:\n${stack.logs.join("\n").slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The edge's public verification, its answer checked against the API's OpenAPI document. */
async function verify(id: string) {
  const path = `/certificates/${id}/verify`;
  const res = await fetch(`${stack.edge.url}${path}`);
  await contract.check("GET", path, res);
  return {
    httpStatus: res.status,
    body: z.record(z.string(), z.unknown()).parse(await res.json()),
  };
}

describe("certificates through the real edge (wrangler dev)", { timeout: 90_000 }, () => {
  it("an unknown id is a documented 404", async () => {
    expect((await verify("00000000-0000-4000-8000-000000000000")).httpStatus).toBe(404);
  });

  it("issue → publish → valid at the edge; revoke → publish → revoked, JSON and page", async () => {
    await createUser(stack.db, instructor.role, instructor);
    await createUser(stack.db, "learner", {
      id: "edge-learner",
      name: "Lea Learner",
      email: "lea@edge.test",
    });
    const { course, enrollmentId } = await finishedEnrollment(stack.db, {
      instructorId: instructor.id,
      learnerId: "edge-learner",
    });
    const start = new Date(0);

    await stack.db.transaction((tx) =>
      stack.outbox.enqueue(tx, issueCertificateJob, { enrollmentId }),
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
    expect(issued.pdfPath).toBe(`certificates/${issued.id}.pdf`);
    const pdf = await stack.media.store.getFile({ purpose: "certificate", id: issued.id });
    const bytes = new Uint8Array(await new Response(pdf?.body).arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");

    await stack.callerFor(instructor).certificates.revoke({
      certificateId: issued.id,
      reason: "Exam taken by someone else.",
    });
    await publishedAfter(enrollmentId, issued.publishedAt ?? start);

    const revoked = await verify(issued.id);
    expect(revoked.body).toMatchObject({
      status: "revoked",
      revocation: { reason: "Exam taken by someone else." },
    });
    const page = await fetch(`${stack.edge.url}/certificates/${issued.id}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/Revoked/);
    expect(html).toContain("Lea Learner");
  });
});
