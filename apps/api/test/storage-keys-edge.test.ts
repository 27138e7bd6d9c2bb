import { openCertificatePdf } from "@lumen/core/certificates";
import {
  findLessonDocument,
  openLessonDocument,
  uploadLessonDocument,
} from "@lumen/core/documents";
import type { SessionUser } from "@lumen/core/kernel";
import { addLessonOfKind, createCourse } from "@lumen/core/testing";
import { certificates, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiEnv } from "../src/env";
import { migrateStorageKeys } from "../src/storage-keys";
import { finishedEnrollment, issueFor } from "./certificate-issue";
import { type EdgeStack, startEdgeStack } from "./edge-stack";

// The storage-keys migration (ADR 0014) through the real edge (wrangler dev, local R2): files
// left under `videos/<id>/` by the code before it are served until moved, then moved, once.
let stack: EdgeStack;

const instructor: SessionUser = {
  id: "keys-instructor",
  name: "Ines Instructor",
  email: "ines@keys.test",
  role: "instructor",
};
const learner: SessionUser = {
  id: "keys-learner",
  name: "Lea Learner",
  email: "lea@keys.test",
  role: "learner",
};

beforeAll(async () => {
  stack = await startEdgeStack({ ffmpeg: null });
  await stack.db.insert(users).values([instructor, learner]);
}, 180_000);
afterAll(() => stack?.close());

const bytesOf = async (body: ReadableStream<Uint8Array> | undefined) =>
  new Uint8Array(await new Response(body).arrayBuffer());

/** Moves a stored file back to where the code before ADR 0014 put it. */
async function toLegacyKey(purpose: "document" | "certificate", id: string, name: string) {
  const { store } = stack.media;
  const file = await store.getFile({ purpose, id });
  if (!file) throw new Error(`no ${purpose} ${id}`);
  await store.put(id, name, await bytesOf(file.body), file.contentType ?? "application/pdf");
  await store.deleteFile({ purpose, id });
}

describe("moving stored files to their purpose keys, through the edge", { timeout: 90_000 }, () => {
  it("a certificate PDF and a document under videos/<id>/ are served, moved, then served from their new keys", async () => {
    const { store } = stack.media;
    const env = parseApiEnv({ LUMEN_ENV: "test", EDGE_URL: stack.edge.url });
    const { enrollmentId } = await finishedEnrollment(stack.db, {
      instructorId: instructor.id,
      learnerId: learner.id,
    });
    const certificateId = await issueFor({ ...stack, env }, enrollmentId);
    await toLegacyKey("certificate", certificateId, "certificate.pdf");
    await stack.db
      .update(certificates)
      .set({ pdfPath: "certificate.pdf" })
      .where(eq(certificates.id, certificateId));
    const course = await createCourse(stack.db, instructor);
    const lesson = await addLessonOfKind(stack.db, course.id, "pdf");
    const documentBytes = new TextEncoder().encode("%PDF-1.4\n% handout\n%%EOF\n");
    const upload = { lessonId: lesson.id, filename: "handout.pdf" };
    await uploadLessonDocument({
      db: stack.db,
      media: stack.media,
      user: instructor,
      input: upload,
      bytes: documentBytes,
    });
    const storageId = (await findLessonDocument(stack.db, lesson.id))?.storageId ?? "";
    await toLegacyKey("document", storageId, "document.pdf");
    const served = async () => {
      const certificate = await openCertificatePdf({
        db: stack.db,
        store,
        user: learner,
        certificateId,
      });
      const document = await openLessonDocument({
        db: stack.db,
        media: stack.media,
        user: instructor,
        lessonId: lesson.id,
      });
      return {
        certificate: new TextDecoder().decode((await bytesOf(certificate.pdf.body)).slice(0, 5)),
        document: await bytesOf(document.object.body),
      };
    };
    const expected = { certificate: "%PDF-", document: documentBytes };
    expect(await served()).toEqual(expected);

    const first = await migrateStorageKeys({ db: stack.db, store });
    const second = await migrateStorageKeys({ db: stack.db, store });

    expect(first).toEqual({ certificates: { moved: 1, missing: [] }, documents: { moved: 1 } });
    expect(second).toEqual({ certificates: { moved: 0, missing: [] }, documents: { moved: 0 } });
    expect(await store.get(certificateId, "certificate.pdf")).toBeNull();
    expect(await store.get(storageId, "document.pdf")).toBeNull();
    expect(await store.headFile({ purpose: "certificate", id: certificateId })).not.toBeNull();
    expect(await store.headFile({ purpose: "document", id: storageId })).toEqual({
      size: documentBytes.length,
    });
    const [row] = await stack.db
      .select({ pdfPath: certificates.pdfPath })
      .from(certificates)
      .where(eq(certificates.id, certificateId));
    expect(row?.pdfPath).toBe(`certificates/${certificateId}.pdf`);
    expect(await served()).toEqual(expected);
  });
});
