import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../kernel";
import {
  addLessonOfKind,
  createCourse,
  createTestMedia,
  createTestWorld,
  createUser,
  type TestWorld,
} from "../testing";
import { moveLegacyDocuments } from "./move-legacy-documents";
import { findLessonDocument, openLessonDocument } from "./open-document";
import { uploadLessonDocument } from "./upload-document";

// The storage-keys migration (ADR 0014) on the in-memory bucket; apps/api's
// storage-keys-edge test runs the same through the real edge.
let t: TestWorld;
let instructor: SessionUser;

beforeAll(async () => {
  t = await createTestWorld();
  instructor = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** A PDF lesson's document where the code before ADR 0014 stored it: `videos/<id>/document.pdf`. */
async function legacyDocument(media: ReturnType<typeof createTestMedia>, text: string) {
  const course = await createCourse(t.db, instructor);
  const lesson = await addLessonOfKind(t.db, course.id, "pdf");
  const bytes = pdf(text);
  await uploadLessonDocument({
    db: t.db,
    media: media.media,
    user: instructor,
    input: { lessonId: lesson.id, filename: "handout.pdf" },
    bytes,
  });
  const storageId = (await findLessonDocument(t.db, lesson.id))?.storageId ?? "";
  const object = media.store.objects.get(`documents/${storageId}.pdf`);
  if (!object) throw new Error("document not stored");
  media.store.objects.delete(`documents/${storageId}.pdf`);
  media.store.objects.set(`videos/${storageId}/document.pdf`, object);
  return { lessonId: lesson.id, storageId, bytes };
}

async function open(media: ReturnType<typeof createTestMedia>, lessonId: string) {
  const { object } = await openLessonDocument({
    db: t.db,
    media: media.media,
    user: instructor,
    lessonId,
  });
  return new Uint8Array(await new Response(object.body).arrayBuffer());
}

describe("moving lesson documents to documents/<storageId>.pdf", () => {
  it("serves unmigrated documents, moves each once, and serves them from the new key", async () => {
    const media = createTestMedia();
    const a = await legacyDocument(media, "a");
    const b = await legacyDocument(media, "b");
    expect(await open(media, a.lessonId)).toEqual(a.bytes);

    const first = await moveLegacyDocuments({ db: t.db, store: media.store });
    const second = await moveLegacyDocuments({ db: t.db, store: media.store });

    expect(first).toEqual({ moved: 2 });
    expect(second).toEqual({ moved: 0 });
    expect([...media.store.objects.keys()].sort()).toEqual(
      [`documents/${a.storageId}.pdf`, `documents/${b.storageId}.pdf`].sort(),
    );
    expect(media.store.objects.get(`documents/${a.storageId}.pdf`)?.contentType).toBe(
      "application/pdf",
    );
    expect(await open(media, a.lessonId)).toEqual(a.bytes);
    expect(await open(media, b.lessonId)).toEqual(b.bytes);
  });

  it("finishes a run interrupted after the copy, and a replace deletes an unmigrated document", async () => {
    const media = createTestMedia();
    const moved = await legacyDocument(media, "interrupted");
    await media.store.putFile(
      { purpose: "document", id: moved.storageId },
      moved.bytes,
      "application/pdf",
    );
    const replaced = await legacyDocument(media, "replaced");
    await uploadLessonDocument({
      db: t.db,
      media: media.media,
      user: instructor,
      input: { lessonId: replaced.lessonId },
      bytes: pdf("new"),
    });
    const current = (await findLessonDocument(t.db, replaced.lessonId))?.storageId;

    expect(await moveLegacyDocuments({ db: t.db, store: media.store })).toEqual({ moved: 1 });
    expect([...media.store.objects.keys()].sort()).toEqual(
      [`documents/${moved.storageId}.pdf`, `documents/${current}.pdf`].sort(),
    );
    expect(await open(media, moved.lessonId)).toEqual(moved.bytes);
  });
});
