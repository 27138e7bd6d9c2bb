import { publishStatusList, type StatusListMessage } from "@lumen/core/certificates";
import { createUser } from "@lumen/core/testing";
import { loadSessionUser } from "@lumen/core/users";
import {
  isStatusSet,
  parseIssuerKeys,
  STATUS_LIST_SIZE,
  verifyStatusList,
} from "@lumen/credentials";
import { DEV_ISSUER_ID, DEV_ISSUER_PUBLIC_KEYS } from "@lumen/credentials/dev-keys";
import { certificateStatusLists, certificates } from "@lumen/db";
import { createCaller, createContextInner } from "@lumen/trpc";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCertificateIssuer } from "../src/jobs/credential-issuer";
import { publishCertificateHandler } from "../src/jobs/publish-certificate";
import { finishedEnrollment, issueFor } from "./certificate-issue";
import { createTestApp, type TestApp } from "./harness";
import { jobContext, standInEdge } from "./stand-in-edge";

let t: TestApp;
const decodeJwt = (jwt: string): unknown =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
const instructor = {
  id: "status-instructor",
  name: "Ines Instructor",
  email: "ines@status.test",
  role: "instructor" as const,
};
const keys = parseIssuerKeys(DEV_ISSUER_PUBLIC_KEYS);
const issuer = () => loadCertificateIssuer(t.env);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await createUser(db, instructor.role, instructor);
  await createUser(db, "learner", {
    id: "status-learner",
    name: "Lea Learner",
    email: "lea@status.test",
  });
});
afterAll(() => t.database.close());

async function issued() {
  const { enrollmentId } = await finishedEnrollment(t.database.db, {
    instructorId: instructor.id,
    learnerId: "status-learner",
  });
  const id = await issueFor({ ...t, db: t.database.db }, enrollmentId);
  const [row] = await t.database.db.select().from(certificates).where(eq(certificates.id, id));
  if (row?.statusListIndex == null) throw new Error("no status list index");
  return { id, index: row.statusListIndex, credential: row.credential };
}

const revoke = (certificateId: string) =>
  createCaller(
    createContextInner({
      ...t,
      db: t.database.db,
      user: instructor,
      currentUser: () => loadSessionUser(t.database.db, instructor.id),
    }),
  ).certificates.revoke({ certificateId, reason: "Identity fraud confirmed." });

async function list1() {
  const [row] = await t.database.db
    .select()
    .from(certificateStatusLists)
    .where(eq(certificateStatusLists.id, 1));
  if (!row) throw new Error("list 1 has no row");
  return row;
}

/** Runs the publish job against a stand-in edge; returns the status list PUTs it made. */
async function publishJob(certificateId: string) {
  const edge = await standInEdge(() => ({ status: 200, body: { status: "valid" } }));
  const env = { EDGE_URL: edge.url, EDGE_INTERNAL_SECRET: t.env.EDGE_INTERNAL_SECRET };
  const quiet = { info: () => {}, error: () => {} };
  await publishCertificateHandler({ db: t.database.db, env, logger: quiet, issuer }).handle(
    { certificateId },
    jobContext(),
  );
  return edge.received
    .filter((r) => r.url?.startsWith("/internal/status-lists/"))
    .map((r) => ({ url: r.url, body: r.body as StatusListMessage }));
}

async function bitsOf(message: StatusListMessage) {
  const check = await verifyStatusList(message.credential, keys, {
    issuerId: DEV_ISSUER_ID,
    list: 1,
  });
  if (!check.ok) throw new Error(`status list does not verify: ${check.reason}`);
  return check.bits;
}

describe("revocation status lists (stand-in edge)", () => {
  it("every certificate gets its own index, named in its signed credentialStatus", async () => {
    const a = await issued();
    const b = await issued();

    expect(a.index).not.toBe(b.index);
    expect(b.index).toBeLessThan(STATUS_LIST_SIZE);
    expect(decodeJwt(b.credential ?? "")).toMatchObject({
      credentialStatus: {
        type: "BitstringStatusListEntry",
        statusPurpose: "revocation",
        statusListIndex: String(b.index),
        statusListCredential: "https://lumen.localhost/status/1",
      },
      iss: DEV_ISSUER_ID,
      jti: `urn:uuid:${b.id}`,
      nbf: expect.any(Number),
    });
  });

  it("the first publish signs and sends the new list; later ones leave it alone", async () => {
    const a = await issued();
    // This file's own database: the certificates above were issued but never published.
    expect(await list1()).toMatchObject({ version: 1, signedVersion: 0, publishedVersion: 0 });

    const first = await publishJob(a.id);
    const second = await publishJob(a.id);

    expect(first.map((s) => [s.url, s.body.list, s.body.version])).toEqual([
      ["/internal/status-lists/1", 1, 1],
    ]);
    const bits = await bitsOf(first[0]?.body as StatusListMessage);
    expect(bits.some((byte) => byte !== 0)).toBe(false);
    expect(second).toEqual([]);
    expect(await list1()).toMatchObject({ version: 1, signedVersion: 1, publishedVersion: 1 });
  });

  it("a revocation raises the list's version, and the next publish sends its bit set", async () => {
    const a = await issued();
    const b = await issued();
    await publishJob(a.id);
    const before = await list1();

    await revoke(a.id);
    expect((await list1()).version).toBe(before.version + 1);
    const sent = await publishJob(a.id);

    expect(sent.map((s) => [s.url, s.body.version])).toEqual([
      ["/internal/status-lists/1", before.version + 1],
    ]);
    const bits = await bitsOf(sent[0]?.body as StatusListMessage);
    expect(isStatusSet(bits, a.index)).toBe(true);
    expect(isStatusSet(bits, b.index)).toBe(false);
    expect((await list1()).publishedVersion).toBe(before.version + 1);
  });

  it("a revocation does not wait for a status list send that is in flight", async () => {
    const a = await issued();
    const b = await issued();
    await revoke(a.id);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sending = publishStatusList({
      db: t.database.db,
      list: 1,
      issuer: await issuer(),
      send: () => gate,
    });

    // Completes while the send above is still waiting on the edge.
    const revoked = await revoke(b.id);
    release();

    expect(revoked.revokedAt).not.toBeNull();
    expect(await sending).toBe("published");
    const row = await list1();
    expect(row.version).toBeGreaterThan(row.publishedVersion);
    const [next] = await publishJob(b.id);
    expect(isStatusSet(await bitsOf(next?.body as StatusListMessage), b.index)).toBe(true);
  });

  it("a failed send leaves the version unacknowledged; the retry sends the same signed list", async () => {
    const a = await issued();
    await revoke(a.id);
    const sent: StatusListMessage[] = [];
    const run = (send: (m: StatusListMessage) => Promise<void>) =>
      issuer().then((key) => publishStatusList({ db: t.database.db, list: 1, issuer: key, send }));

    await expect(
      run(async (m) => {
        sent.push(m);
        throw new Error("edge down");
      }),
    ).rejects.toThrow("edge down");
    expect((await list1()).publishedVersion).toBeLessThan((await list1()).version);
    expect(await run(async (m) => void sent.push(m))).toBe("published");

    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(await run(async (m) => void sent.push(m))).toBe("current");
  });
});
