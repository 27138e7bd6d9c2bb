import type { SessionUser } from "@lumen/core/kernel";
import { addVideoLesson, createCourse, createUser, createVideoAsset } from "@lumen/core/testing";
import { courseInstructors, videoAssets, videoCaptions } from "@lumen/db";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

// Storage is the in-memory media store; the edge's part of an upload is simulated with it.
let t: TestContext;
let owner: SessionUser;
let coInstructor: SessionUser;
let admin: SessionUser;
let otherInstructor: SessionUser;
let learner: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  coInstructor = await createUser(t.db, "instructor");
  admin = await createUser(t.db, "admin");
  otherInstructor = await createUser(t.db, "instructor");
  learner = await createUser(t.db, "learner");
});
afterAll(() => t.close());

const VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n";

/** A course with a video lesson, an uploaded asset (source stored) and English captions. */
async function fixture(status: "draft" | "published") {
  const course = await createCourse(t.db, owner, {
    status,
    publishedAt: status === "published" ? new Date() : null,
  });
  await t.db.insert(courseInstructors).values({ courseId: course.id, userId: coInstructor.id });
  const lesson = await addVideoLesson(t.db, course.id);
  const asset = await createVideoAsset(t.db, lesson, owner, { byteSize: 64 });
  await t.mediaStore.put(asset.id, "source", new Uint8Array(64), "application/octet-stream");
  await t.db
    .insert(videoCaptions)
    .values({ assetId: asset.id, language: "en", label: "English", path: "captions/en-1.vtt" });
  return { courseId: course.id, lessonId: lesson.id, assetId: asset.id };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

/** Everything a video call could change for a course: its assets, captions, files and jobs. */
async function videoState(f: Fixture) {
  const assets = await t.db
    .select()
    .from(videoAssets)
    .where(eq(videoAssets.courseId, f.courseId))
    .orderBy(asc(videoAssets.createdAt));
  const captions = await t.db
    .select()
    .from(videoCaptions)
    .where(eq(videoCaptions.assetId, f.assetId));
  const { rows: jobs } = await t.db.execute(
    sql`select name from pgboss.job where data->>'assetId' = ${f.assetId}`,
  );
  return { assets, captions, files: await t.mediaStore.list(f.assetId, ""), jobs };
}

const video = (user: SessionUser | null) => t.callerFor(user).video;

/** Every instructor-side video procedure, as each caller would issue it. */
const CALLS: Record<string, (user: SessionUser | null, f: Fixture) => Promise<unknown>> = {
  createUpload: (u, f) =>
    video(u).createUpload({ lessonId: f.lessonId, filename: "a.mp4", byteSize: 10 }),
  resumeUpload: (u, f) => video(u).resumeUpload({ assetId: f.assetId }),
  completeUpload: (u, f) => video(u).completeUpload({ assetId: f.assetId }),
  cancelUpload: (u, f) => video(u).cancelUpload({ assetId: f.assetId }),
  lessonVideo: (u, f) => video(u).lessonVideo({ lessonId: f.lessonId }),
  addCaption: (u, f) =>
    video(u).addCaption({ assetId: f.assetId, language: "de", label: "Deutsch", vtt: VTT }),
  removeCaption: (u, f) => video(u).removeCaption({ assetId: f.assetId, language: "en" }),
};

/** What the read-only calls answer an editor; every other call must change the video state. */
const READS: Record<string, (f: Fixture) => Record<string, unknown>> = {
  resumeUpload: (f) => ({ assetId: f.assetId, upload: expect.anything() }),
  lessonVideo: (f) => ({ latest: expect.objectContaining({ id: f.assetId }) }),
};

describe.each(Object.entries(CALLS))("video.%s", (name, call) => {
  it("refuses strangers without changing anything: 404 on a draft, 403 on a published course, 401 anonymous", async () => {
    const draft = await fixture("draft");
    const published = await fixture("published");
    const before = [await videoState(draft), await videoState(published)];
    const refusals = [
      [otherInstructor, draft, "NOT_FOUND"],
      [otherInstructor, published, "FORBIDDEN"],
      [learner, draft, "FORBIDDEN"],
      [learner, published, "FORBIDDEN"],
      [null, draft, "UNAUTHORIZED"],
      [null, published, "UNAUTHORIZED"],
    ] as const;
    for (const [user, f, code] of refusals) expect(await codeOf(call(user, f))).toBe(code);
    expect([await videoState(draft), await videoState(published)]).toEqual(before);
  });

  it("is allowed to the course's instructors and admins", async () => {
    for (const user of [owner, coInstructor, admin]) {
      const f = await fixture("draft");
      const before = await videoState(f);
      const result = await call(user, f);
      const read = READS[name];
      if (read) {
        expect(result).toMatchObject(read(f));
        expect(await videoState(f)).toEqual(before);
      } else {
        expect(await videoState(f)).not.toEqual(before);
      }
    }
  });
});
