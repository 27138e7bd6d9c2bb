import { requestAccountDeletion, runRetirement } from "@lumen/core/privacy";
import { createUser } from "@lumen/core/testing";
import { importSigningKeys, isStatusSet, verifyStatusList } from "@lumen/credentials";
import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import { certificates } from "@lumen/db";
import { issueCertificateJob } from "@lumen/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { finishedEnrollment } from "./certificate-issue";
import { type EdgeStack, startEdgeStack } from "./edge-stack";

// Account retirement through the real edge (wrangler dev, local R2 and KV) and the real job
// runner: the certificate PDF leaves R2, the KV record becomes "withdrawn", the cached verdict is
// dropped, and the verify page and JSON no longer name the holder.
let stack: EdgeStack;
beforeAll(async () => {
  stack = await startEdgeStack({ ffmpeg: null });
}, 180_000);
afterAll(() => stack?.close());

const verdict = z.object({
  status: z.string(),
  reason: z.string().nullable(),
  certificate: z.object({ learnerName: z.string() }).nullable(),
  credential: z.string().nullable(),
});

async function verify(id: string) {
  const res = await fetch(`${stack.edge.url}/certificates/${id}/verify`);
  return verdict.parse(await res.json());
}

async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen in time:\n${stack.logs.join("\n").slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("retiring a certificate holder through the real edge", { timeout: 120_000 }, () => {
  it("withdraws the certificate at the edge (KV, cache, page, status list) and deletes its PDF from R2", async () => {
    const instructor = await createUser(stack.db, "instructor", { name: "Ines Instructor" });
    const learner = await createUser(stack.db, "learner", { name: "Lea Holder" });
    const { enrollmentId } = await finishedEnrollment(stack.db, {
      instructorId: instructor.id,
      learnerId: learner.id,
    });
    await stack.db.transaction((tx) =>
      stack.outbox.enqueue(tx, issueCertificateJob, { enrollmentId }),
    );
    const issued = await until("issuing and publishing", async () => {
      const [row] = await stack.db
        .select()
        .from(certificates)
        .where(eq(certificates.enrollmentId, enrollmentId));
      return row?.publishedAt && row.pdfPath ? row : null;
    });
    // Verified once, so the edge has a cached verdict with the name in it.
    expect(await verify(issued.id)).toMatchObject({
      status: "valid",
      certificate: { learnerName: "Lea Holder" },
    });
    const pdf = { purpose: "certificate" as const, id: issued.id };
    expect(await stack.media.store.headFile(pdf)).not.toBeNull();

    const { id } = await requestAccountDeletion({
      db: stack.db,
      user: learner,
      input: { password: "checked by the API" },
      checkPassword: async () => true,
    });
    const outcome = await runRetirement({
      db: stack.db,
      store: stack.media.store,
      outbox: stack.outbox,
      retirementId: id,
      now: () => new Date(Date.now() + 15 * 86_400_000),
    });
    expect(outcome).toBe("completed");

    const withdrawn = await until("the withdrawal reaching the edge", async () => {
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
    expect(await stack.media.store.headFile(pdf)).toBeNull();

    const index = issued.statusListIndex ?? -1;
    const ring = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
    const bits = await until("the status list with its bit set", async () => {
      const res = await fetch(`${stack.edge.url}/status/1`);
      if (!res.ok) return null;
      const check = await verifyStatusList(await res.text(), ring.publicKeys, {
        issuerId: DEV_ISSUER_ID,
        list: 1,
      });
      return check.ok && isStatusSet(check.bits, index) ? check.bits : null;
    });
    expect(isStatusSet(bits, index)).toBe(true);
  });
});
