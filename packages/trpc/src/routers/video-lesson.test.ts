import type { SessionUser } from "@lumen/core/kernel";
import {
  addVideoLesson,
  createCourse,
  createUser,
  createVideoAsset,
  readyRendition,
} from "@lumen/core/testing";
import { lessons, videoAssets, videoCaptions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const api = () => t.callerFor(owner);
async function draftVideoLesson() {
  const course = await createCourse(t.db, owner, { status: "draft", publishedAt: null });
  return addVideoLesson(t.db, course.id);
}
const setStatus = (assetId: string, set: Partial<typeof videoAssets.$inferInsert>) =>
  t.db.update(videoAssets).set(set).where(eq(videoAssets.id, assetId));

describe("video.lessonVideo", () => {
  it("is empty before the first upload", async () => {
    const lesson = await draftVideoLesson();
    expect(await api().video.lessonVideo({ lessonId: lesson.id })).toEqual({
      current: null,
      latest: null,
    });
  });

  it("shows the video learners get and, separately, the newest upload replacing it", async () => {
    const lesson = await draftVideoLesson();
    const current = await createVideoAsset(t.db, lesson, owner, {
      current: true,
      status: "ready",
      durationSeconds: 30,
      width: 1280,
      height: 720,
      playableAt: new Date(),
      readyAt: new Date(),
      renditions: [readyRendition(720), readyRendition(360)],
    });
    await t.db
      .insert(videoCaptions)
      .values({ assetId: current.id, language: "en", label: "English", path: "captions/en.vtt" });
    const replacement = await createVideoAsset(t.db, lesson, owner, {
      status: "processing",
      originalFilename: "take 2.mp4",
      renditions: [
        { height: 1080, width: 1920, progress: 0 },
        { height: 720, width: 1280, status: "processing", progress: 50 },
        { ...readyRendition(360), width: 640 },
      ],
    });
    await createVideoAsset(t.db, lesson, owner, { status: "cancelled" });

    const { current: shown, latest } = await api().video.lessonVideo({ lessonId: lesson.id });
    expect(shown).toMatchObject({
      id: current.id,
      status: "ready",
      percent: 100,
      durationSeconds: 30,
      captions: [{ language: "en", label: "English" }],
    });
    expect(shown?.renditions.map((r) => r.name)).toEqual(["360p", "720p"]);
    expect(shown?.readyAt).toEqual(expect.any(String));
    // Weighted by pixels: (640·360·100 + 1280·720·50 + 1920·1080·0) / all pixels = 21.4 %.
    expect(latest).toMatchObject({
      id: replacement.id,
      status: "processing",
      percent: 21,
      originalFilename: "take 2.mp4",
      playableAt: null,
      captions: [],
    });
    expect(latest?.renditions.map((r) => [r.name, r.status, r.progress])).toEqual([
      ["360p", "ready", 100],
      ["720p", "processing", 50],
      ["1080p", "pending", 0],
    ]);
  });

  it("reports 0 % until processing starts and never 100 % before the video is ready", async () => {
    const lesson = await draftVideoLesson();
    const asset = await createVideoAsset(t.db, lesson, owner, {
      status: "queued",
      renditions: [{ ...readyRendition(360), width: 640 }],
    });
    const percent = async () =>
      (await api().video.lessonVideo({ lessonId: lesson.id })).latest?.percent;
    expect(await percent()).toBe(0);
    await setStatus(asset.id, { status: "processing" });
    expect(await percent()).toBe(99);
    await setStatus(asset.id, { status: "ready" });
    expect(await percent()).toBe(100);
  });
});

describe("authoring: video lessons in the outline and the publish checklist", () => {
  it("lists each lesson's preview flag and video state; updateLesson toggles the preview", async () => {
    const c = await buildCourse(t, owner);
    const { lessonId } = await api().authoring.addLesson({
      moduleId: c.moduleIds[0] ?? "",
      title: "Intro video",
      kind: "video",
    });
    await api().authoring.updateLesson({ lessonId, isPreview: true });
    const { assetId } = await api().video.createUpload({
      lessonId,
      filename: "intro.mp4",
      byteSize: 10,
    });
    const course = await api().authoring.getCourse({ courseId: c.courseId });
    const lessonsById = new Map(course.modules.flatMap((m) => m.lessons).map((l) => [l.id, l]));
    expect(lessonsById.get(lessonId)).toMatchObject({
      isPreview: true,
      video: { assetId, status: "uploading", percent: 0, failureReason: null },
    });
    expect(lessonsById.get(c.lessonIds[0] ?? "")).toMatchObject({ isPreview: false, video: null });
    await api().authoring.updateLesson({ lessonId, isPreview: false });
    const [row] = await t.db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(row?.isPreview).toBe(false);
  });

  it("a video lesson blocks publishing until its video is ready, saying why", async () => {
    const c = await buildCourse(t, owner);
    const moduleId = c.moduleIds[1] ?? "";
    const { lessonId } = await api().authoring.addLesson({
      moduleId,
      title: "Demo",
      kind: "video",
    });
    const problems = async () =>
      (await api().authoring.publishChecklist({ courseId: c.courseId })).problems.map((p) => [
        p.code,
        p.message,
        p.moduleId,
        p.lessonId,
      ]);
    expect(await problems()).toEqual([
      ["video_missing", "Upload a video for lesson “Demo”.", moduleId, lessonId],
    ]);
    const { assetId } = await api().video.createUpload({
      lessonId,
      filename: "demo.mp4",
      byteSize: 10,
    });
    expect((await problems())[0]?.[1]).toBe("The video for lesson “Demo” is still uploading.");
    await setStatus(assetId, { status: "processing" });
    expect(await problems()).toEqual([
      ["video_not_ready", "The video for lesson “Demo” is still processing.", moduleId, lessonId],
    ]);
    await setStatus(assetId, { status: "failed", failureReason: "The file is not a video." });
    expect((await problems())[0]?.slice(0, 2)).toEqual([
      "video_failed",
      "The video for lesson “Demo” failed to process: The file is not a video. Upload it again.",
    ]);
    expect(
      await api()
        .authoring.publish({ courseId: c.courseId })
        .catch((e) => e.code),
    ).toBe("BAD_REQUEST");

    await setStatus(assetId, { status: "ready", playableAt: new Date(), readyAt: new Date() });
    await t.db.update(lessons).set({ videoAssetId: assetId }).where(eq(lessons.id, lessonId));
    expect(await problems()).toEqual([]);
    await expect(api().authoring.publish({ courseId: c.courseId })).resolves.toMatchObject({
      status: "published",
    });
  });

  it("a ready video keeps the lesson publishable while a replacement is still processing", async () => {
    const c = await buildCourse(t, owner);
    const { lessonId } = await api().authoring.addLesson({
      moduleId: c.moduleIds[0] ?? "",
      title: "Kept",
      kind: "video",
    });
    const lesson = { id: lessonId, courseId: c.courseId };
    await createVideoAsset(t.db, lesson, owner, { current: true, status: "ready" });
    await createVideoAsset(t.db, lesson, owner, { status: "processing" });
    expect(await api().authoring.publishChecklist({ courseId: c.courseId })).toEqual({
      ready: true,
      problems: [],
    });
  });
});

describe("catalog.bySlug", () => {
  it("tells learners which lessons are free previews and which have a playable video", async () => {
    const course = await createCourse(t.db, owner);
    const playable = await addVideoLesson(t.db, course.id, { isPreview: true, title: "Free" });
    await createVideoAsset(t.db, playable, owner, {
      current: true,
      status: "processing",
      playableAt: new Date(),
    });
    const pending = await addVideoLesson(t.db, course.id, { title: "Soon" });
    await createVideoAsset(t.db, pending, owner, { status: "processing" });
    const outline = await t.callerFor(null).catalog.bySlug({ slug: course.slug });
    const byTitle = Object.fromEntries(
      outline.modules.flatMap((m) => m.lessons).map((l) => [l.title, [l.isPreview, l.hasVideo]]),
    );
    expect(byTitle).toEqual({ Free: [true, true], Soon: [false, false] });
  });
});
