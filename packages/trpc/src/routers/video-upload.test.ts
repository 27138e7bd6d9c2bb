import type { SessionUser, ValidationError } from "@lumen/core/kernel";
import {
  addVideoLesson,
  createCourse,
  createTestMedia,
  createUser,
  TEST_MEDIA_KEYS,
} from "@lumen/core/testing";
import { createUpload } from "@lumen/core/video";
import { videoAssets } from "@lumen/db";
import { UPLOAD_PART_BYTES, verifyMediaToken } from "@lumen/media-tokens";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

// Storage is the in-memory media store: tests put "source" themselves where the edge would.
let t: TestContext;
let owner: SessionUser;
let lesson: Awaited<ReturnType<typeof addVideoLesson>>;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  const course = await createCourse(t.db, owner, { status: "draft", publishedAt: null });
  lesson = await addVideoLesson(t.db, course.id);
});
afterAll(() => t.close());

const api = () => t.callerFor(owner).video;
const assetRow = async (id: string) =>
  (await t.db.select().from(videoAssets).where(eq(videoAssets.id, id)))[0];
const probeJobs = async (assetId: string) => {
  const { rows } = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job
        where name = 'video.probe' and data->>'assetId' = ${assetId}`,
  );
  return rows[0]?.n;
};
const start = (byteSize = 20_000_000) =>
  api().createUpload({ lessonId: lesson.id, filename: "lecture 1.mov", byteSize });
/** The edge has assembled the whole upload (here: in the in-memory store). */
const storeSource = (assetId: string, bytes: number) =>
  t.mediaStore.put(assetId, "source", new Uint8Array(bytes), "application/octet-stream");

describe("video.createUpload", () => {
  it("creates an uploading asset and a ticket whose token grants uploading exactly that many bytes", async () => {
    const before = Date.now();
    const { assetId, upload } = await start(20_000_000);
    expect(await assetRow(assetId)).toMatchObject({
      status: "uploading",
      courseId: lesson.courseId,
      lessonId: lesson.id,
      uploadedBy: owner.id,
      originalFilename: "lecture 1.mov",
      byteSize: 20_000_000,
      uploadedAt: null,
    });
    expect(upload).toMatchObject({ partBytes: UPLOAD_PART_BYTES, byteSize: 20_000_000 });
    const token = upload.url.replace("http://edge.test/uploads/", "");
    const verified = await verifyMediaToken(token, {
      keys: TEST_MEDIA_KEYS,
      purpose: "upload",
      assetId,
    });
    expect(verified).toMatchObject({ ok: true, claims: { bytes: 20_000_000, assetId } });
    const ttl = (new Date(upload.expiresAt).getTime() - before) / 1000;
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3601);
  });

  it("refuses files above the configured maximum, naming it, and creates nothing", async () => {
    const error = await errorOf(start(5 * 1024 ** 3 + 1));
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as ValidationError).fieldErrors).toEqual({
      byteSize: ["Videos can be up to 5 GiB."],
    });
    const smaller = createTestMedia({ maxUploadBytes: 1.5 * 1024 ** 3 }).media;
    const input = { lessonId: lesson.id, filename: "big.mp4", byteSize: 2 * 1024 ** 3 };
    await expect(createUpload({ db: t.db, user: owner, media: smaller, input })).rejects.toThrow(
      "Videos can be up to 1.5 GiB.",
    );
    const rows = await t.db
      .select()
      .from(videoAssets)
      .where(eq(videoAssets.originalFilename, "big.mp4"));
    expect(rows).toEqual([]);
  });

  it("refuses lessons that are not video lessons, and empty or nameless files", async () => {
    const text = await addVideoLesson(t.db, lesson.courseId, { kind: "text" });
    const error = await errorOf(
      api().createUpload({ lessonId: text.id, filename: "a.mp4", byteSize: 10 }),
    );
    expect([error.code, error.message]).toEqual([
      "BAD_REQUEST",
      "Only video lessons have a video.",
    ]);
    expect(await codeOf(start(0))).toBe("BAD_REQUEST");
    expect(
      await codeOf(api().createUpload({ lessonId: lesson.id, filename: " ", byteSize: 10 })),
    ).toBe("BAD_REQUEST");
  });

  it("a new upload for the lesson cancels the one still in progress", async () => {
    const first = await start();
    const second = await start();
    expect((await assetRow(first.assetId))?.status).toBe("cancelled");
    expect((await assetRow(second.assetId))?.status).toBe("uploading");
  });
});

describe("video.resumeUpload", () => {
  it("hands out a valid token for the same asset and size while uploading, CONFLICT once queued", async () => {
    const { assetId, upload } = await start(1234);
    const resumed = await api().resumeUpload({ assetId });
    expect(resumed.assetId).toBe(assetId);
    expect(resumed.upload.byteSize).toBe(1234);
    expect(new Date(resumed.upload.expiresAt).getTime()).toBeGreaterThanOrEqual(
      new Date(upload.expiresAt).getTime(),
    );
    const token = resumed.upload.url.split("/").at(-1) ?? "";
    const verified = await verifyMediaToken(token, {
      keys: TEST_MEDIA_KEYS,
      purpose: "upload",
      assetId,
    });
    expect(verified).toMatchObject({ ok: true, claims: { bytes: 1234 } });

    await storeSource(assetId, 1234);
    await api().completeUpload({ assetId });
    const error = await errorOf(api().resumeUpload({ assetId }));
    expect([error.code, error.message]).toEqual(["CONFLICT", "This upload has already finished."]);
  });
});

describe("video.completeUpload", () => {
  it("refuses while the source is missing or not the announced size", async () => {
    const { assetId } = await start(5000);
    for (const stored of [null, 4999]) {
      if (stored !== null) await storeSource(assetId, stored);
      const error = await errorOf(api().completeUpload({ assetId }));
      expect([error.code, error.message]).toEqual(["CONFLICT", "The upload is not complete yet."]);
    }
    expect((await assetRow(assetId))?.status).toBe("uploading");
    expect(await probeJobs(assetId)).toBe(0);
  });

  it("queues the video with one probe job; calling again returns the same state and enqueues nothing", async () => {
    const { assetId } = await start(5000);
    await storeSource(assetId, 5000);
    const summary = await api().completeUpload({ assetId });
    expect(summary).toMatchObject({ id: assetId, status: "queued", percent: 0, byteSize: 5000 });
    expect(summary.uploadedAt).toEqual(expect.any(String));
    expect((await assetRow(assetId))?.uploadedAt).toBeInstanceOf(Date);
    expect(await probeJobs(assetId)).toBe(1);
    expect(await api().completeUpload({ assetId })).toEqual(summary);
    expect(await probeJobs(assetId)).toBe(1);
  });

  it("two concurrent completions enqueue exactly one probe job", async () => {
    const { assetId } = await start(777);
    await storeSource(assetId, 777);
    const results = await Promise.all([
      api().completeUpload({ assetId }),
      api().completeUpload({ assetId }),
      api().completeUpload({ assetId }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["queued", "queued", "queued"]);
    expect(await probeJobs(assetId)).toBe(1);
  });
});

describe("video.cancelUpload", () => {
  it("cancels an upload in progress (idempotently); it can then be neither resumed nor completed", async () => {
    const { assetId } = await start(100);
    expect((await api().cancelUpload({ assetId })).status).toBe("cancelled");
    expect((await api().cancelUpload({ assetId })).status).toBe("cancelled");
    await storeSource(assetId, 100);
    expect(await codeOf(api().completeUpload({ assetId }))).toBe("CONFLICT");
    expect(await codeOf(api().resumeUpload({ assetId }))).toBe("CONFLICT");
    expect(await probeJobs(assetId)).toBe(0);
  });

  it("refuses once the upload is complete", async () => {
    const { assetId } = await start(100);
    await storeSource(assetId, 100);
    await api().completeUpload({ assetId });
    const error = await errorOf(api().cancelUpload({ assetId }));
    expect(error.code).toBe("CONFLICT");
    expect((await assetRow(assetId))?.status).toBe("queued");
  });
});
