import { randomUUID } from "node:crypto";
import type { SessionUser } from "@lumen/core/kernel";
import {
  addVideoLesson,
  createCourse,
  createEnrollment,
  createUser,
  createVideoAsset,
  readyRendition,
  TEST_MEDIA_KEYS,
} from "@lumen/core/testing";
import { courses, playbackPositions, playbackStarts, videoCaptions } from "@lumen/db";
import { verifyMediaToken } from "@lumen/media-tokens";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
let otherInstructor: SessionUser;
let enrolled: SessionUser;
let unenrolled: SessionUser;
let stranger: SessionUser;
type Lesson = Awaited<ReturnType<typeof addVideoLesson>>;
let preview: Lesson;
let locked: Lesson;
let processing: Lesson;
let empty: Lesson;
let draft: Lesson;
let lockedAssetId: string;

/** A video lesson whose asset has a playable 360p and 720p (1080p still encoding). */
async function playableLesson(courseId: string, isPreview = false) {
  const lesson = await addVideoLesson(t.db, courseId, { isPreview });
  const asset = await createVideoAsset(t.db, lesson, owner, {
    current: true,
    status: "processing",
    durationSeconds: 120,
    posterPath: "poster-abc.jpg",
    playableAt: new Date(),
    renditions: [
      readyRendition(720),
      readyRendition(360),
      { height: 1080, status: "processing", progress: 40 },
    ],
  });
  return { lesson, asset };
}

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  otherInstructor = await createUser(t.db, "instructor");
  [enrolled, unenrolled, stranger] = await Promise.all([
    createUser(t.db),
    createUser(t.db),
    createUser(t.db),
  ]);
  const course = await createCourse(t.db, owner);
  ({ lesson: preview } = await playableLesson(course.id, true));
  const withLocked = await playableLesson(course.id);
  locked = withLocked.lesson;
  lockedAssetId = withLocked.asset.id;
  await t.db
    .insert(videoCaptions)
    .values({ assetId: lockedAssetId, language: "en", label: "English", path: "captions/en.vtt" });
  processing = await addVideoLesson(t.db, course.id);
  await createVideoAsset(t.db, processing, owner, { status: "processing" });
  empty = await addVideoLesson(t.db, course.id);
  const draftCourse = await createCourse(t.db, owner, { status: "draft", publishedAt: null });
  ({ lesson: draft } = await playableLesson(draftCourse.id));
  await createEnrollment(t.db, enrolled, course.id);
  await createEnrollment(t.db, unenrolled, course.id, { unenrolledAt: new Date() });
});
afterAll(() => t.close());

const playback = (user: SessionUser | null, lesson: { id: string }) =>
  t.callerFor(user).video.playback({ lessonId: lesson.id });
const save = (user: SessionUser | null, lesson: { id: string }, at: number) =>
  t.callerFor(user).video.savePosition({ lessonId: lesson.id, positionSeconds: at });

describe("video.playback", () => {
  it("gives a signed master playlist URL scoped to the lesson's asset, expiring within the configured TTL", async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await playback(enrolled, locked);
    const match = /^http:\/\/edge\.test\/v\/([^/]+)\/master\.m3u8$/.exec(result.url);
    const token = match?.[1] ?? "";
    const verified = await verifyMediaToken(token, {
      keys: TEST_MEDIA_KEYS,
      purpose: "play",
      assetId: lockedAssetId,
    });
    expect(verified.ok).toBe(true);
    const expiresAt = verified.ok ? verified.claims.expiresAt : 0;
    expect(expiresAt - before).toBeGreaterThan(0);
    expect(expiresAt - before).toBeLessThanOrEqual(900 + 1);
    expect(new Date(result.expiresAt).getTime()).toBe(expiresAt * 1000);
    expect(result).toMatchObject({
      assetId: lockedAssetId,
      posterUrl: `http://edge.test/v/${token}/poster-abc.jpg`,
      durationSeconds: 120,
      captions: [{ language: "en", label: "English" }],
      renditions: [
        { name: "360p", height: 360 },
        { name: "720p", height: 720 },
      ],
      processing: true,
      resumeAtSeconds: 0,
      watchedSeconds: 0,
      watched: [],
    });
  });

  it("plays the lowest rendition while it still encodes, and not once the encode failed", async () => {
    const course = await createCourse(t.db, owner);
    const live = { height: 360, status: "processing" as const, progress: 30, path: "360p-live1" };
    const encoding = await addVideoLesson(t.db, course.id, { isPreview: true });
    await createVideoAsset(t.db, encoding, owner, {
      current: true,
      status: "processing",
      playableAt: new Date(),
      renditions: [{ ...live, codecs: "avc1.64001e,mp4a.40.2" }, { height: 720 }],
    });
    const failed = await addVideoLesson(t.db, course.id, { isPreview: true });
    await createVideoAsset(t.db, failed, owner, {
      current: true,
      status: "failed",
      failureReason: "The video file ends early.",
      playableAt: new Date(),
      renditions: [{ ...live, codecs: "avc1.64001e,mp4a.40.2" }],
    });

    const playing = await playback(null, encoding);
    const refused = await errorOf(playback(null, failed));

    expect(playing.renditions).toEqual([{ name: "360p", height: 360 }]);
    expect(playing.processing).toBe(true);
    expect([refused.code, refused.message]).toEqual(["NOT_FOUND", "This video isn't ready yet."]);
  });

  it("marks when a signed-in user's playback of a lesson began: at the first URL, not later ones", async () => {
    const viewer = await createUser(t.db);
    const startOf = async (user: SessionUser) => {
      const rows = await t.db
        .select({ startedAt: playbackStarts.startedAt })
        .from(playbackStarts)
        .where(and(eq(playbackStarts.userId, user.id), eq(playbackStarts.lessonId, preview.id)));
      return rows[0]?.startedAt;
    };
    const before = Date.now();
    await playback(viewer, preview);
    const first = await startOf(viewer);
    expect(first?.getTime()).toBeGreaterThanOrEqual(before);
    await playback(viewer, preview);
    expect(await startOf(viewer)).toEqual(first);
    // Anonymous previews have no one to credit: nothing is recorded.
    const [{ n = -1 } = {}] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(playbackStarts)
      .where(eq(playbackStarts.lessonId, preview.id));
    await playback(null, preview);
    const [{ n: after = -1 } = {}] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(playbackStarts)
      .where(eq(playbackStarts.lessonId, preview.id));
    expect(after).toBe(n);
  });

  it("follows the access rule: enrolled, free preview (even anonymous) or an editor of the course", async () => {
    const cases = [
      [enrolled, locked, "ok"],
      [owner, locked, "ok"],
      [owner, draft, "ok"],
      [null, preview, "ok"],
      [stranger, preview, "ok"],
      [null, locked, "UNAUTHORIZED"],
      [stranger, locked, "FORBIDDEN"],
      [unenrolled, locked, "FORBIDDEN"],
      [otherInstructor, locked, "FORBIDDEN"],
      [otherInstructor, draft, "NOT_FOUND"],
      [enrolled, draft, "NOT_FOUND"],
      [enrolled, { id: randomUUID() }, "NOT_FOUND"],
    ] as const;
    const outcomes = [];
    for (const [user, lesson] of cases) {
      outcomes.push(await playback(user, lesson).then(() => "ok", codeOfError));
    }
    expect(outcomes).toEqual(cases.map(([, , expected]) => expected));
    const refused = await errorOf(playback(stranger, locked));
    expect(refused.message).toBe("Enroll in this course to watch this lesson.");
  });

  it("answers NOT_FOUND while the lesson has nothing playable yet", async () => {
    for (const lesson of [processing, empty]) {
      const error = await errorOf(playback(enrolled, lesson));
      expect([error.code, error.message]).toEqual(["NOT_FOUND", "This video isn't ready yet."]);
    }
  });

  it("stops serving an enrolled learner once the course is unpublished", async () => {
    const course = await createCourse(t.db, owner);
    const { lesson } = await playableLesson(course.id);
    await createEnrollment(t.db, enrolled, course.id);
    await expect(playback(enrolled, lesson)).resolves.toMatchObject({ durationSeconds: 120 });
    await t.db.update(courses).set({ status: "draft" }).where(eq(courses.id, course.id));
    expect(await codeOf(playback(enrolled, lesson))).toBe("NOT_FOUND");
  });

  it("resumes at the saved position, or from the start when the learner had reached the end", async () => {
    await save(enrolled, locked, 42.5);
    expect(await playback(enrolled, locked)).toMatchObject({ resumeAtSeconds: 42.5 });
    expect((await playback(null, preview)).resumeAtSeconds).toBe(0);
    await save(enrolled, locked, 116);
    expect(await playback(enrolled, locked)).toMatchObject({ resumeAtSeconds: 0 });
  });
});

describe("video.savePosition", () => {
  it("keeps the latest position, and takes no watched time from the client", async () => {
    const learner = await createUser(t.db);
    expect(await save(learner, preview, 10)).toEqual({ positionSeconds: 10 });
    expect(await save(learner, preview, 5)).toEqual({ positionSeconds: 5 });
    // An old player still sends its own total: it is dropped, not stored or trusted.
    const legacy = { lessonId: preview.id, positionSeconds: 30.5, watchedSeconds: 9_999 };
    expect(await t.callerFor(learner).video.savePosition(legacy)).toEqual({
      positionSeconds: 30.5,
    });
    const rows = await t.db
      .select()
      .from(playbackPositions)
      .where(
        and(eq(playbackPositions.userId, learner.id), eq(playbackPositions.lessonId, preview.id)),
      );
    expect(rows).toEqual([expect.objectContaining({ positionSeconds: 30.5 })]);
    expect(Object.keys(rows[0] ?? {})).not.toContain("watchedSeconds");
    expect((await playback(learner, preview)).watchedSeconds).toBe(0);
  });

  it("refuses learners who may not watch the lesson, anonymous callers and impossible numbers", async () => {
    expect(await codeOf(save(stranger, locked, 1))).toBe("FORBIDDEN");
    expect(await codeOf(save(unenrolled, locked, 1))).toBe("FORBIDDEN");
    expect(await codeOf(save(null, preview, 1))).toBe("UNAUTHORIZED");
    expect(await codeOf(save(enrolled, locked, -1))).toBe("BAD_REQUEST");
    expect(await codeOf(save(enrolled, locked, 86_401))).toBe("BAD_REQUEST");
    const rows = await t.db
      .select()
      .from(playbackPositions)
      .where(eq(playbackPositions.userId, stranger.id));
    expect(rows).toEqual([]);
  });
});

function codeOfError(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : "unexpected";
}
