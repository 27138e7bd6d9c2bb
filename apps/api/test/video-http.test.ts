import { createCourse, createLesson, createModule } from "@lumen/core/testing";
import { playbackPositions, users } from "@lumen/db";
import { parseKeyRing, verifyMediaToken } from "@lumen/media-tokens";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTestApp,
  json,
  signUp,
  signUpInstructor,
  type TestApp,
  trpcData,
  trpcError,
  WEB_ORIGIN,
} from "./harness";

// Video storage is the harness's in-memory store; the edge's side of an upload is simulated.
const EDGE_PUBLIC_URL = "https://media.lumen.test";
let t: TestApp;
let instructor: { cookie: string; id: string };
let learnerCookie: string;
let previewLessonId: string;

const call = (path: string, input: unknown, cookie: string) =>
  t.app.request(`/trpc/video.${path}`, json(input, { cookie }));

/** A published course with one free-preview video lesson, written straight to the database. */
async function previewLesson(instructorId: string) {
  const db = t.database.db;
  const course = await createCourse(
    db,
    { id: instructorId },
    { title: "Filming basics", category: "Design", publishedAt: new Date() },
  );
  const mod = await createModule(db, course.id, { title: "Start" });
  const lesson = await createLesson(db, mod.id, { title: "Light", isPreview: true });
  return lesson.id;
}

beforeAll(async () => {
  t = await createTestApp({ EDGE_PUBLIC_URL });
  instructor = await signUpInstructor(t, "filmmaker@test.lumen.dev");
  learnerCookie = await signUp(t, "viewer@test.lumen.dev");
  previewLessonId = await previewLesson(instructor.id);
});
afterAll(() => t.database.close());

describe("video over HTTP", () => {
  it("a plain JSON POST with the session cookie saves the position (what sendBeacon sends on page hide)", async () => {
    const body = JSON.stringify({ lessonId: previewLessonId, positionSeconds: 61.5 });
    const res = await t.app.request("/trpc/video.savePosition", {
      method: "POST",
      headers: { cookie: learnerCookie, origin: WEB_ORIGIN, "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(200);
    const [learner] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "viewer@test.lumen.dev"));
    const rows = await t.database.db
      .select()
      .from(playbackPositions)
      .where(eq(playbackPositions.userId, learner?.id ?? ""));
    expect(rows).toMatchObject([{ lessonId: previewLessonId, positionSeconds: 61.5 }]);

    const anonymous = await t.app.request("/trpc/video.savePosition", {
      method: "POST",
      headers: { origin: WEB_ORIGIN, "content-type": "application/json" },
      body,
    });
    expect(anonymous.status).toBe(401);
  });

  it("upload tickets point at the public edge URL and completing needs the stored source", async () => {
    const created = await call(
      "createUpload",
      { lessonId: previewLessonId, filename: "light.mp4", byteSize: 4096 },
      instructor.cookie,
    );
    const { assetId, upload } = await trpcData(
      created,
      z.object({ assetId: z.uuid(), upload: z.object({ url: z.string(), byteSize: z.number() }) }),
    );
    expect(upload.url.startsWith(`${EDGE_PUBLIC_URL}/uploads/m1.dev1.u.`)).toBe(true);
    const keys = parseKeyRing(t.env.MEDIA_SIGNING_KEYS);
    const token = upload.url.slice(`${EDGE_PUBLIC_URL}/uploads/`.length);
    expect(await verifyMediaToken(token, { keys, purpose: "upload", assetId })).toMatchObject({
      ok: true,
      claims: { bytes: 4096 },
    });

    const early = await call("completeUpload", { assetId }, instructor.cookie);
    expect(early.status).toBe(409);
    expect((await trpcError(early)).message).toBe("The upload is not complete yet.");
    await t.mediaStore.put(assetId, "source", new Uint8Array(4096), "video/mp4");
    const done = await call("completeUpload", { assetId }, instructor.cookie);
    expect(await trpcData(done, z.object({ status: z.string() }))).toEqual({ status: "queued" });
  });

  it("caption files may exceed the API's general body limit, up to their own", async () => {
    const { assetId } = await trpcData(
      await call(
        "createUpload",
        { lessonId: previewLessonId, filename: "captions.mp4", byteSize: 10 },
        instructor.cookie,
      ),
      z.object({ assetId: z.uuid() }),
    );
    const cue = (i: number) =>
      `00:${String(i).padStart(2, "0")}.000 --> 00:${String(i).padStart(2, "0")}.500\nLine ${i}\n`;
    const vtt = `WEBVTT\n\n${Array.from({ length: 60 }, (_, i) => cue(i)).join("\n")}`;
    const padded = `${vtt}\nNOTE ${"x".repeat(8000)}\n`;
    expect(padded.length).toBeGreaterThan(Number(t.env.MAX_BODY_BYTES));
    const input = { assetId, language: "en", label: "English", vtt: padded };
    const res = await call("addCaption", input, instructor.cookie);
    expect(res.status).toBe(200);
    expect(await trpcData(res, z.array(z.object({ language: z.string() })))).toEqual([
      { language: "en" },
    ]);
    expect((await t.mediaStore.list(assetId, "hls/captions/")).length).toBe(2);

    const huge = { ...input, vtt: "x".repeat(4 * 1024 * 1024) };
    expect((await call("addCaption", huge, instructor.cookie)).status).toBe(413);
  });
});
