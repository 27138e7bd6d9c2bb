import { parseIssuerKeys, verifyCredential } from "@lumen/credentials";
import { DEV_ISSUER_ID, DEV_ISSUER_PUBLIC_KEYS } from "@lumen/credentials/dev-keys";
import { pdfAttachments, pdfsig, pdfTextLines } from "@lumen/credentials/testing/poppler";
import { certificates, createDatabase, type Database, notifications, users } from "@lumen/db";
import { InMemoryMediaStore } from "@lumen/media";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../kernel";
import {
  createCourse,
  createEnrollmentWithProgress,
  createTestCertificateIssuer,
  createTestWorld,
  createUser,
  TEST_EDGE_URL,
  type TestWorld,
} from "../testing";
import { type IssueDeps, issueCertificate } from "./issue";
import type { CertificateIssuer } from "./issuer";

// The issuing service as the certificates.issue job runs it: real database, real outbox,
// the development signing key, and PDFs in an in-memory bucket instead of R2.
const WEB_ORIGIN = "http://localhost:5173";
let t: TestWorld;
let instructor: SessionUser;
let issuer: CertificateIssuer;
const logs: Array<{ message: string; fields?: Record<string, unknown> }> = [];

beforeAll(async () => {
  t = await createTestWorld();
  instructor = await createUser(t.db, "instructor");
  issuer = await createTestCertificateIssuer(WEB_ORIGIN);
});
afterAll(() => t.close());

/** A store that counts writes, to tell "rendered once" from "rendered again". */
class CountingStore extends InMemoryMediaStore {
  puts = 0;
  override async putFile(...args: Parameters<InMemoryMediaStore["putFile"]>) {
    this.puts += 1;
    return super.putFile(...args);
  }
}

function deps({
  db = t.db,
  store = new CountingStore(),
}: {
  db?: Database;
  store?: CountingStore;
} = {}) {
  return {
    db,
    store,
    outbox: t.outbox,
    issuer,
    links: { edgeUrl: TEST_EDGE_URL, webOrigin: WEB_ORIGIN },
    logger: {
      info: (message: string, fields?: Record<string, unknown>) => logs.push({ message, fields }),
    },
  } satisfies IssueDeps;
}

async function learnerIn(
  options: Partial<Parameters<typeof createEnrollmentWithProgress>[1]> = {},
) {
  const learner = await createUser(t.db, "learner");
  const course = await createCourse(t.db, instructor, { title: "Statistics for Everyone" });
  const { enrollmentId } = await createEnrollmentWithProgress(t.db, {
    learner,
    courseId: course.id,
    ...options,
  });
  return { learner, course, enrollmentId };
}

async function certificatesOf(enrollmentId: string) {
  return t.db.select().from(certificates).where(eq(certificates.enrollmentId, enrollmentId));
}

async function publishJobsFor(certificateId: string) {
  const { rows } = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job
        where name = 'certificates.publish' and data->>'certificateId' = ${certificateId}`,
  );
  return rows[0]?.n;
}

describe("issuing a certificate (certificates.issue)", () => {
  it("five concurrent issuers on separate connections make exactly one certificate, one notification and one publish job", async () => {
    const { learner, enrollmentId } = await learnerIn({ requiredQuiz: "passed" });
    // On Postgres each issuer gets its own pool, like runners in different processes; PGlite
    // has one connection, so there the calls interleave between transactions instead.
    const pools = t.database.url
      ? Array.from({ length: 5 }, () =>
          createDatabase({ driver: "postgres", url: t.database.url ?? "" }),
        )
      : [];
    const dbs: Database[] = pools.length ? pools.map((p) => p.db) : Array(5).fill(t.db);
    const store = new CountingStore();
    try {
      const outcomes = await Promise.all(
        dbs.map((db) => issueCertificate(deps({ db, store }), enrollmentId)),
      );
      const rows = await certificatesOf(enrollmentId);
      expect(rows).toHaveLength(1);
      const id = rows[0]?.id ?? "";
      expect(outcomes.map((o) => o.status).sort()).toEqual([
        "existing",
        "existing",
        "existing",
        "existing",
        "issued",
      ]);
      expect(outcomes.every((o) => "certificateId" in o && o.certificateId === id)).toBe(true);
      const notes = await t.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, learner.id));
      expect(notes).toHaveLength(1);
      expect(await publishJobsFor(id)).toBe(1);
      expect(rows[0]?.pdfPath).toBe(`certificates/${id}.pdf`);
      const verdict = await verifyCredential(
        rows[0]?.credential ?? "",
        parseIssuerKeys(DEV_ISSUER_PUBLIC_KEYS),
        {
          issuerId: DEV_ISSUER_ID,
          certificateId: id,
        },
      );
      expect(verdict.valid).toBe(true);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });

  it("the credential names the learner (as of issuing), the course and the issuer, with id urn:uuid:<id>", async () => {
    const { learner, course, enrollmentId } = await learnerIn();
    await t.db.update(users).set({ name: "Ada Lovelace" }).where(eq(users.id, learner.id));

    const outcome = await issueCertificate(deps(), enrollmentId);

    const [row] = await certificatesOf(enrollmentId);
    expect(outcome).toMatchObject({ status: "issued", certificateId: row?.id, pdf: "rendered" });
    const verdict = await verifyCredential(
      row?.credential ?? "",
      parseIssuerKeys(DEV_ISSUER_PUBLIC_KEYS),
      {
        issuerId: DEV_ISSUER_ID,
        certificateId: row?.id ?? "",
      },
    );
    if (!verdict.valid) throw new Error(`credential did not verify: ${verdict.reason}`);
    expect(verdict.credential.id).toBe(`urn:uuid:${row?.id}`);
    expect(verdict.summary).toMatchObject({
      learnerName: "Ada Lovelace",
      courseTitle: "Statistics for Everyone",
      courseId: course.id,
      issuerName: "Lumen",
      issuerId: DEV_ISSUER_ID,
      issuedAt: row?.issuedAt.toISOString(),
    });
    expect(verdict.credential.credentialSubject.achievement.criteria.id).toBe(
      `${WEB_ORIGIN}/courses/${course.slug}`,
    );
    expect(verdict.kid).toBe(issuer.key.kid);
    expect(row).toMatchObject({
      learnerName: "Ada Lovelace",
      keyId: issuer.key.kid,
      userId: learner.id,
    });
  });

  it("tells the learner in the app, linking to the course", async () => {
    const { learner, course, enrollmentId } = await learnerIn();

    await issueCertificate(deps(), enrollmentId);

    const [row] = await certificatesOf(enrollmentId);
    const notes = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, learner.id));
    expect(notes).toEqual([
      expect.objectContaining({
        kind: "certificate",
        title: "Your certificate for Statistics for Everyone is ready",
        link: `/courses/${course.slug}/learn`,
        dedupeKey: `certificate:${row?.id}`,
        readAt: null,
      }),
    ]);
  });

  it("stores a PDF in media storage at certificates/<id>.pdf", async () => {
    const { enrollmentId } = await learnerIn();
    const d = deps();

    await issueCertificate(d, enrollmentId);

    const [row] = await certificatesOf(enrollmentId);
    const object = d.store.objects.get(`certificates/${row?.id}.pdf`);
    expect(object?.contentType).toBe("application/pdf");
    expect(new TextDecoder().decode(object?.bytes.subarray(0, 5))).toBe("%PDF-");
  });

  it("the stored PDF is signed by the issuer's document certificate and carries the credential, which verifies", async () => {
    const { learner, enrollmentId } = await learnerIn();
    await t.db.update(users).set({ name: "Zoë Ångström 山田" }).where(eq(users.id, learner.id));
    const d = deps();

    await issueCertificate(d, enrollmentId);

    const [row] = await certificatesOf(enrollmentId);
    const bytes = d.store.objects.get(`certificates/${row?.id}.pdf`)?.bytes ?? new Uint8Array();
    expect(await pdfsig(bytes)).toMatch(/Signature Validation: Signature is Valid/);
    const files = await pdfAttachments(bytes);
    expect(files["credential.jwt"]).toBe(row?.credential);
    const verdict = await verifyCredential(
      files["credential.jwt"] ?? "",
      parseIssuerKeys(DEV_ISSUER_PUBLIC_KEYS),
      { issuerId: DEV_ISSUER_ID, certificateId: row?.id ?? "" },
    );
    if (!verdict.valid) throw new Error(`attached credential did not verify: ${verdict.reason}`);
    expect(JSON.parse(files["credential.json"] ?? "null")).toEqual(verdict.credential);
    expect(await pdfTextLines(bytes)).toContain("Zoë Ångström 山田");
  });

  it("does not issue below 100 % (99 of 100 lessons)", async () => {
    const { learner, enrollmentId } = await learnerIn({ lessons: 100, completed: 99 });

    const outcome = await issueCertificate(deps(), enrollmentId);

    expect(outcome).toEqual({ status: "not_eligible", enrollmentId });
    expect(await certificatesOf(enrollmentId)).toEqual([]);
    expect(
      await t.db.select().from(notifications).where(eq(notifications.userId, learner.id)),
    ).toEqual([]);
  });

  it("does not issue while a required quiz is not passed, even with every lesson done", async () => {
    const { enrollmentId } = await learnerIn({ requiredQuiz: "failed" });

    const outcome = await issueCertificate(deps(), enrollmentId);

    expect(outcome.status).toBe("not_eligible");
    expect(await certificatesOf(enrollmentId)).toEqual([]);
  });

  it("a retry after a crash between commit and PDF renders the PDF once and issues nothing new", async () => {
    const { enrollmentId } = await learnerIn();
    await issueCertificate(deps(), enrollmentId);
    const [issued] = await certificatesOf(enrollmentId);
    // The crash: the certificate committed, the PDF never stored.
    await t.db
      .update(certificates)
      .set({ pdfPath: null })
      .where(eq(certificates.enrollmentId, enrollmentId));
    const retry = deps();

    const outcome = await issueCertificate(retry, enrollmentId);
    const again = await issueCertificate(retry, enrollmentId);

    expect(outcome).toEqual({ status: "existing", certificateId: issued?.id, pdf: "rendered" });
    expect(again).toEqual({ status: "existing", certificateId: issued?.id, pdf: "present" });
    expect(retry.store.puts).toBe(1);
    const rows = await certificatesOf(enrollmentId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      credential: issued?.credential,
      pdfPath: `certificates/${issued?.id}.pdf`,
    });
    expect(await publishJobsFor(issued?.id ?? "")).toBe(1);
  });

  it("an unknown enrollment finishes the job without a certificate", async () => {
    const outcome = await issueCertificate(deps(), "3f8a2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b");

    expect(outcome.status).toBe("unknown_enrollment");
  });
});
