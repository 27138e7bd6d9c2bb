import { pdfTextLines } from "@lumen/credentials/testing/poppler";
import { certificates, notifications, users } from "@lumen/db";
import { InMemoryMediaStore } from "@lumen/media";
import { eq } from "drizzle-orm";
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

// As issue.test.ts: the issuing service on a real database, PDFs in an in-memory bucket.
const WEB_ORIGIN = "http://localhost:5173";
let t: TestWorld;
let instructor: SessionUser;
let issuer: CertificateIssuer;

beforeAll(async () => {
  t = await createTestWorld();
  instructor = await createUser(t.db, "instructor");
  issuer = await createTestCertificateIssuer(WEB_ORIGIN);
});
afterAll(() => t.close());

const deps = () =>
  ({
    db: t.db,
    store: new InMemoryMediaStore(),
    outbox: t.outbox,
    issuer,
    links: { edgeUrl: TEST_EDGE_URL, webOrigin: WEB_ORIGIN },
    logger: { info: () => {} },
  }) satisfies IssueDeps;

async function graduate(locale?: string) {
  const learner = await createUser(t.db, "learner", { locale, name: "Ada Lovelace" });
  const course = await createCourse(t.db, instructor, { title: "Statistics for Everyone" });
  const { enrollmentId } = await createEnrollmentWithProgress(t.db, {
    learner,
    courseId: course.id,
  });
  return { learner, enrollmentId };
}

async function issued(enrollmentId: string, d = deps()) {
  await issueCertificate(d, enrollmentId);
  const [row] = await t.db
    .select()
    .from(certificates)
    .where(eq(certificates.enrollmentId, enrollmentId));
  const pdf = d.store.objects.get(`certificates/${row?.id}.pdf`)?.bytes;
  if (!row || !pdf) throw new Error("no certificate or PDF");
  return { row, text: (await pdfTextLines(pdf)).join("\n") };
}

describe("a certificate's language", () => {
  it("is the holder's at issue: an Arabic learner's PDF and notification are in Arabic", async () => {
    const { learner, enrollmentId } = await graduate("ar");

    const { row, text } = await issued(enrollmentId);

    expect(row.locale).toBe("ar");
    expect(text).toContain("شهادة إتمام");
    expect(text).toContain("Ada Lovelace");
    expect(text).not.toContain("This certifies that");
    const [note] = await t.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(eq(notifications.userId, learner.id));
    expect(note?.title).toBe("شهادتك في دورة Statistics for Everyone جاهزة");
  });

  it("is English for a holder whose language we do not speak (fr-CA) or who chose none", async () => {
    for (const locale of ["fr-CA", undefined]) {
      const { enrollmentId } = await graduate(locale);

      const { row, text } = await issued(enrollmentId);

      expect(row.locale).toBe("en");
      expect(text).toContain("CERTIFICATE OF COMPLETION");
    }
  });

  it("stays as issued when the PDF is rendered again after the holder changed language", async () => {
    const { learner, enrollmentId } = await graduate("es-MX");
    const first = await issued(enrollmentId);
    expect(first.row.locale).toBe("es");
    expect(first.text).toContain("CERTIFICADO DE FINALIZACIÓN");
    // The profile page changes it through better-auth in the API; the same column here.
    await t.db.update(users).set({ locale: "ar" }).where(eq(users.id, learner.id));
    // The PDF lost (as after a crash before it was stored): the next run renders it again.
    await t.db.update(certificates).set({ pdfPath: null }).where(eq(certificates.id, first.row.id));

    const again = await issued(enrollmentId);

    expect(again.row.locale).toBe("es");
    expect(again.text).toContain("Se certifica que");
  });
});
