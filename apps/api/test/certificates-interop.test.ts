import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import type { SessionUser } from "@lumen/core/kernel";
import { createUser } from "@lumen/core/testing";
import { certificateStatusLists, certificates } from "@lumen/db";
import { issueCertificateJob } from "@lumen/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedEnrollment } from "./certificate-issue";
import { type EdgeStack, startEdgeStack } from "./edge-stack";
import { verifyVcJwtIndependently } from "./independent-verifier";

// Issue 9: a certificate issued by our code, checked by libraries that share none of it —
// did-jwt for the VC-JWT (its kid resolved at the real edge), @digitalbazaar's Bitstring
// Status List implementation for the list the edge (wrangler dev) serves.
let stack: EdgeStack;
let issuerId = "";

const instructor: SessionUser = {
  id: "interop-instructor",
  name: "Ines Instructor",
  email: "ines@interop.test",
  role: "instructor",
};

beforeAll(async () => {
  stack = await startEdgeStack({ ffmpeg: null, issuerAtEdge: true });
  issuerId = `${stack.edge.url}/issuer`;
}, 180_000);
afterAll(() => stack?.close());

/** Waits for the job runner: the certificate published, and its list up to date at the edge. */
async function published(enrollmentId: string, after: Date) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [cert] = await stack.db
      .select()
      .from(certificates)
      .where(eq(certificates.enrollmentId, enrollmentId));
    const [list] = await stack.db.select().from(certificateStatusLists);
    const listDone = list && list.publishedVersion === list.version;
    if (cert?.publishedAt && cert.publishedAt > after && listDone) return cert;
    if (Date.now() > deadline) {
      throw new Error(`not published in time:\n${stack.logs.join("\n").slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A JSON-LD document loader as a verifier would write it for a VC-JWT status list. */
async function documentLoader(url: string) {
  const res = await fetch(url);
  if (res.headers.get("content-type") !== "application/vc+jwt") {
    throw new Error(`${url} is not a VC-JWT (${res.headers.get("content-type")})`);
  }
  const { payload } = await verifyVcJwtIndependently(await res.text());
  return { contextUrl: null, documentUrl: url, document: payload };
}

describe("interop with independent verifiers (real edge, job runner)", { timeout: 120_000 }, () => {
  it("did-jwt verifies the credential via its kid URL; the status list says valid, then revoked", async () => {
    await createUser(stack.db, instructor.role, instructor);
    await createUser(stack.db, "learner", {
      id: "interop-learner",
      name: "Lea Learner",
      email: "lea@x.test",
    });
    const { enrollmentId } = await finishedEnrollment(stack.db, {
      instructorId: instructor.id,
      learnerId: "interop-learner",
    });
    await stack.db.transaction((tx) =>
      stack.outbox.enqueue(tx, issueCertificateJob, { enrollmentId }),
    );
    const cert = await published(enrollmentId, new Date(0));

    const { kid, payload } = await verifyVcJwtIndependently(cert.credential ?? "");
    expect(kid).toBe(`${issuerId}#dev-2026-11`);
    expect(payload).toMatchObject({
      iss: issuerId,
      jti: `urn:uuid:${cert.id}`,
      issuer: { id: issuerId },
      credentialStatus: {
        type: "BitstringStatusListEntry",
        statusListCredential: `${stack.edge.url}/status/1`,
      },
    });
    const before = await checkStatus({
      credential: payload,
      documentLoader,
      verifyBitstringStatusListCredential: false, // its VC-JWT proof is checked in the loader
      verifyMatchingIssuers: true,
    });
    expect(before.error).toBeUndefined();
    expect(before).toMatchObject({ verified: true, results: [{ verified: true, status: false }] });

    const revokedAt = new Date();
    await stack.callerFor(instructor).certificates.revoke({
      certificateId: cert.id,
      reason: "Identity fraud confirmed.",
    });
    await published(enrollmentId, revokedAt);

    const after = await checkStatus({
      credential: payload,
      documentLoader,
      verifyBitstringStatusListCredential: false,
      verifyMatchingIssuers: true,
    });
    expect(after).toMatchObject({ verified: true, results: [{ verified: true, status: true }] });
    const ours = await fetch(`${stack.edge.url}/certificates/${cert.id}/verify`);
    expect(await ours.json()).toMatchObject({ status: "revoked", statusList: { index: 0 } });
  });

  it("did-jwt rejects the credential once a byte of its payload changes", async () => {
    const [cert] = await stack.db.select().from(certificates);
    const [header, payload, signature] = (cert?.credential ?? "").split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
    claims.credentialSubject.name = "Mallory";
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature];

    await expect(verifyVcJwtIndependently(forged.join("."))).rejects.toThrow(/invalid_signature/);
  });
});
