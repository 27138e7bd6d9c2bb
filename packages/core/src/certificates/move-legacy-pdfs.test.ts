import { certificates } from "@lumen/db";
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
import { openCertificatePdf } from "./download-pdf";
import { issueCertificate } from "./issue";
import type { CertificateIssuer } from "./issuer";
import { moveLegacyCertificatePdfs } from "./move-legacy-pdfs";

// The storage-keys migration (ADR 0014) on the in-memory bucket; apps/api's
// storage-keys-edge test runs the same through the real edge.
let t: TestWorld;
let instructor: SessionUser;
let issuer: CertificateIssuer;

beforeAll(async () => {
  t = await createTestWorld();
  instructor = await createUser(t.db, "instructor");
  issuer = await createTestCertificateIssuer();
});
afterAll(() => t.close());

/** A learner's certificate as the code before ADR 0014 left it: `videos/<id>/certificate.pdf`. */
async function legacyCertificate(store: InMemoryMediaStore) {
  const learner = await createUser(t.db, "learner");
  const course = await createCourse(t.db, instructor);
  const { enrollmentId } = await createEnrollmentWithProgress(t.db, {
    learner,
    courseId: course.id,
  });
  const deps = {
    db: t.db,
    store,
    outbox: t.outbox,
    issuer,
    links: { edgeUrl: TEST_EDGE_URL, webOrigin: "http://localhost:5173" },
    logger: { info: () => {} },
  };
  const outcome = await issueCertificate(deps, enrollmentId);
  if (!("certificateId" in outcome)) throw new Error(`not issued: ${outcome.status}`);
  const id = outcome.certificateId;
  const pdf = store.objects.get(`certificates/${id}.pdf`);
  if (!pdf) throw new Error("no PDF rendered");
  store.objects.delete(`certificates/${id}.pdf`);
  store.objects.set(`videos/${id}/certificate.pdf`, pdf);
  await t.db
    .update(certificates)
    .set({ pdfPath: "certificate.pdf" })
    .where(eq(certificates.id, id));
  return { id, learner, bytes: pdf.bytes };
}

const pdfPathOf = async (id: string) =>
  (await t.db.select().from(certificates).where(eq(certificates.id, id)))[0]?.pdfPath;

async function download(store: InMemoryMediaStore, user: SessionUser, certificateId: string) {
  const { pdf } = await openCertificatePdf({ db: t.db, store, user, certificateId });
  return new Uint8Array(await new Response(pdf.body).arrayBuffer());
}

describe("moving certificate PDFs to certificates/<id>.pdf", () => {
  it("serves an unmigrated PDF, moves it, points the row at the new key, and serves it there", async () => {
    const store = new InMemoryMediaStore();
    const { id, learner, bytes } = await legacyCertificate(store);
    expect(await download(store, learner, id)).toEqual(bytes);

    const result = await moveLegacyCertificatePdfs({ db: t.db, store });

    expect(result).toEqual({ moved: 1, missing: [] });
    expect([...store.objects.keys()]).toEqual([`certificates/${id}.pdf`]);
    expect(store.objects.get(`certificates/${id}.pdf`)?.contentType).toBe("application/pdf");
    expect(await pdfPathOf(id)).toBe(`certificates/${id}.pdf`);
    expect(await download(store, learner, id)).toEqual(bytes);
  });

  it("a second run changes nothing, and a run interrupted after the copy is finished by the next", async () => {
    const store = new InMemoryMediaStore();
    const { id, learner, bytes } = await legacyCertificate(store);
    // Interrupted: the copy exists, the old object and the row are as before.
    await store.putFile({ purpose: "certificate", id }, bytes, "application/pdf");
    expect(await download(store, learner, id)).toEqual(bytes);

    const first = await moveLegacyCertificatePdfs({ db: t.db, store });
    const second = await moveLegacyCertificatePdfs({ db: t.db, store });

    expect(first).toEqual({ moved: 1, missing: [] });
    expect(second).toEqual({ moved: 0, missing: [] });
    expect([...store.objects.keys()]).toEqual([`certificates/${id}.pdf`]);
    expect(await pdfPathOf(id)).toBe(`certificates/${id}.pdf`);
  });

  it("reports a row whose PDF is at neither key and leaves it as it is", async () => {
    const store = new InMemoryMediaStore();
    const { id } = await legacyCertificate(store);
    store.objects.clear();

    const result = await moveLegacyCertificatePdfs({ db: t.db, store });

    expect(result).toEqual({ moved: 0, missing: [id] });
    expect(await pdfPathOf(id)).toBe("certificate.pdf");
  });
});
