import { createUser } from "@lumen/core/testing";
import { loadSessionUser } from "@lumen/core/users";
import { certificateRecordSchema } from "@lumen/credentials";
import { certificates } from "@lumen/db";
import { createJobQueue, issueCertificateJob, startJobRunner } from "@lumen/jobs";
import { createCaller, createContextInner } from "@lumen/trpc";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCertificateIssuer } from "../src/jobs/credential-issuer";
import { jobHandlers } from "../src/jobs/handlers";
import { publishCertificateHandler } from "../src/jobs/publish-certificate";
import { createLogger } from "../src/logger";
import { finishedEnrollment, issueFor } from "./certificate-issue";
import { createTestApp, type TestApp } from "./harness";
import { jobContext, type Received, standInEdge as standInBase } from "./stand-in-edge";

const SECRET = "test-purge-secret-that-is-long-enough";
const context = jobContext;

/** The edge's certificate endpoint: by default it says the record verifies. */
const standInEdge = (
  answer: Parameters<typeof standInBase>[0] = () => ({ status: 200, body: { status: "valid" } }),
) => standInBase(answer);

let t: TestApp;
let instructorId = "";
let learnerId = "";
const quiet = { info: () => {}, error: () => {} };
const issuer = () => loadCertificateIssuer(t.env);
/** The record PUTs among what the stand-in received (a status list PUT may follow each). */
const recordPuts = (edge: { received: Received[] }) =>
  edge.received.filter((r) => r.url?.startsWith("/internal/certificates/"));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  instructorId = (
    await createUser(db, "instructor", {
      id: "cert-instructor",
      name: "Ines Instructor",
      email: "ines@publish.test",
    })
  ).id;
  learnerId = (
    await createUser(db, "learner", {
      id: "cert-learner",
      name: "Lea Learner",
      email: "lea@publish.test",
    })
  ).id;
});
afterAll(() => t.database.close());

async function issued() {
  const { enrollmentId } = await finishedEnrollment(t.database.db, {
    instructorId,
    learnerId: learnerId,
  });
  return issueFor(
    { db: t.database.db, outbox: t.outbox, media: t.media, env: t.env },
    enrollmentId,
  );
}

async function row(id: string) {
  const [r] = await t.database.db.select().from(certificates).where(eq(certificates.id, id));
  return r;
}

function revoke(id: string, reason: string) {
  const user = {
    id: instructorId,
    name: "Ines Instructor",
    email: "ines@publish.test",
    role: "instructor" as const,
  };
  const currentUser = () => loadSessionUser(t.database.db, user.id);
  const caller = createCaller(createContextInner({ ...t, db: t.database.db, user, currentUser }));
  return caller.certificates.revoke({ certificateId: id, reason });
}

describe("certificates.publish job (a local HTTP server is the stand-in edge)", () => {
  it("PUTs the certificate record with the bearer secret and records when", async () => {
    const edge = await standInEdge();
    const id = await issued();
    const handler = publishCertificateHandler({
      db: t.database.db,
      env: { EDGE_URL: `${edge.url}/`, EDGE_INTERNAL_SECRET: SECRET },
      logger: quiet,
      issuer,
    });

    await handler.handle({ certificateId: id }, context());

    const stored = await row(id);
    expect(recordPuts(edge)).toEqual([
      {
        method: "PUT",
        url: `/internal/certificates/${id}`,
        authorization: `Bearer ${SECRET}`,
        body: { id, credential: stored?.credential, revokedAt: null, revokedReason: null },
      },
    ]);
    expect(certificateRecordSchema.safeParse(recordPuts(edge)[0]?.body).success).toBe(true);
    expect(stored?.publishedAt).toBeInstanceOf(Date);
  });

  it("after a revocation, sends the revocation with its reason", async () => {
    const edge = await standInEdge();
    const id = await issued();
    const summary = await revoke(id, "Identity fraud confirmed.");
    const handler = publishCertificateHandler({
      db: t.database.db,
      env: { EDGE_URL: edge.url, EDGE_INTERNAL_SECRET: SECRET },
      logger: quiet,
      issuer,
    });

    await handler.handle({ certificateId: id }, context());

    expect(recordPuts(edge)[0]?.body).toMatchObject({
      id,
      revokedAt: summary.revokedAt,
      revokedReason: "Identity fraud confirmed.",
    });
  });

  it("throws on a non-2xx answer (so pg-boss retries) and leaves publishedAt unset", async () => {
    const edge = await standInEdge(() => ({
      status: 401,
      body: { error: { code: "unauthorized", message: "Bad secret" } },
    }));
    const id = await issued();
    const handler = publishCertificateHandler({
      db: t.database.db,
      env: { EDGE_URL: edge.url, EDGE_INTERNAL_SECRET: SECRET },
      logger: quiet,
      issuer,
    });

    await expect(handler.handle({ certificateId: id }, context())).rejects.toThrow(
      /401.*Bad secret/,
    );
    expect((await row(id))?.publishedAt).toBeNull();
  });

  it("logs an error (and does not retry) when the edge finds the certificate invalid", async () => {
    const edge = await standInEdge(() => ({ status: 200, body: { status: "invalid" } }));
    const id = await issued();
    const errors: string[] = [];
    const handler = publishCertificateHandler({
      db: t.database.db,
      env: { EDGE_URL: edge.url, EDGE_INTERNAL_SECRET: SECRET },
      logger: { info: () => {}, error: (message) => errors.push(message) },
      issuer,
    });

    await handler.handle({ certificateId: id }, context());

    expect(errors).toEqual([
      expect.stringMatching(/edge finds this certificate invalid.*ISSUER_KEYS/),
    ]);
    expect((await row(id))?.publishedAt).toBeInstanceOf(Date);
  });

  it("the job runner issues a queued certificate and publishes it to the edge", async () => {
    const edge = await standInEdge();
    const { enrollmentId } = await finishedEnrollment(t.database.db, { instructorId, learnerId });
    const env = { ...t.env, EDGE_URL: edge.url };
    const logs: string[] = [];
    const logger = createLogger({ level: "info", write: (line) => logs.push(line) });
    const runner = await startJobRunner({
      queue: createJobQueue(t.database.connection),
      handlers: jobHandlers({
        db: t.database.db,
        env,
        logger,
        search: t.search,
        outbox: t.outbox,
        media: t.media,
        ffmpeg: null,
        grading: false,
      }),
      logger,
      pollingIntervalSeconds: 0.5,
    });
    const certificate = async () => {
      const [cert] = await t.database.db
        .select()
        .from(certificates)
        .where(eq(certificates.enrollmentId, enrollmentId));
      return cert;
    };
    try {
      await t.database.db.transaction((tx) =>
        t.outbox.enqueue(tx, issueCertificateJob, { enrollmentId }),
      );
      const deadline = Date.now() + 20_000;
      for (;;) {
        const cert = await certificate();
        if ((cert?.publishedAt && cert.pdfPath) || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await runner.stop(5_000);
    }
    const cert = await certificate();
    // Publish jobs left by the other tests may reach the stand-in too; look for this one's.
    const sent = edge.received.filter((r) => r.url === `/internal/certificates/${cert?.id}`);
    expect(sent, logs.join("\n")).toEqual([
      {
        method: "PUT",
        url: `/internal/certificates/${cert?.id}`,
        authorization: `Bearer ${t.env.EDGE_INTERNAL_SECRET}`,
        body: { id: cert?.id, credential: cert?.credential, revokedAt: null, revokedReason: null },
      },
    ]);
    expect(cert?.pdfPath).toBe(`certificates/${cert?.id}.pdf`);
  });
});
