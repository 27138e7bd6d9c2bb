import { addVideoLesson, createCourse } from "@lumen/core/testing";
import { loadSessionUser } from "@lumen/core/users";
import { startWranglerDev, type WranglerDev } from "@lumen/tools/wrangler-dev";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, json, signUpInstructor, type TestApp, trpcData } from "./harness";

const OLD = "k1:the-old-media-signing-key-of-enough-length";
const NEW = "k2:the-new-media-signing-key-of-enough-length";

let before: TestApp;
let rotated: TestApp;
let edgeBoth: WranglerDev;
let edgeNewOnly: WranglerDev;

beforeAll(async () => {
  // The edge after the rotation (both keys), and after the old key was removed.
  [edgeBoth, edgeNewOnly, before, rotated] = await Promise.all([
    startWranglerDev({ MEDIA_KEYS: `${OLD},${NEW}` }),
    startWranglerDev({ MEDIA_KEYS: NEW }),
    // The API before the rotation signs with k1; after it, with k2, still holding k1.
    createTestApp({ MEDIA_SIGNING_KEYS: OLD, MEDIA_SIGNING_KEY_ID: "k1" }),
    createTestApp({ MEDIA_SIGNING_KEYS: `${OLD},${NEW}`, MEDIA_SIGNING_KEY_ID: "k2" }),
  ]);
}, 180_000);
afterAll(async () => {
  await Promise.all([edgeBoth?.stop(), edgeNewOnly?.stop()]);
  await before?.database.close();
  await rotated?.database.close();
});

/** An upload token as an instructor gets it from video.createUpload on this API. */
async function uploadToken(t: TestApp, email: string): Promise<string> {
  const { cookie, id } = await signUpInstructor(t, email);
  const instructor = await loadSessionUser(t.database.db, id);
  if (!instructor) throw new Error("instructor not found");
  const course = await createCourse(t.database.db, instructor);
  const lesson = await addVideoLesson(t.database.db, course.id);
  const res = await t.app.request(
    "/trpc/video.createUpload",
    json({ lessonId: lesson.id, filename: "talk.mp4", byteSize: 4096 }, { cookie }),
  );
  const { upload } = await trpcData(res, z.object({ upload: z.object({ url: z.string() }) }));
  return upload.url.slice(upload.url.indexOf("/uploads/") + "/uploads/".length);
}

/** Starts (or resumes) the upload at an edge: what the browser does first with its token. */
const startAt = (edge: WranglerDev, token: string) =>
  fetch(`${edge.url}/uploads/${token}`, { method: "POST" });

describe("rotating MEDIA_SIGNING_KEYS", () => {
  it("old tokens verify at the edge until their key is removed; new ones carry the new key id", {
    timeout: 120_000,
  }, async () => {
    const old = await uploadToken(before, "old-key@test.lumen.dev");
    const fresh = await uploadToken(rotated, "new-key@test.lumen.dev");
    expect(old).toMatch(/^m1\.k1\./);
    expect(fresh).toMatch(/^m1\.k2\./);

    // Rotated edge (k1 and k2): both work.
    expect((await startAt(edgeBoth, old)).status).toBe(200);
    expect((await startAt(edgeBoth, fresh)).status).toBe(200);
    // Old key removed: the old token is refused, the new one still works.
    const refused = await startAt(edgeNewOnly, old);
    expect(refused.status).toBe(403);
    expect((await startAt(edgeNewOnly, fresh)).status).toBe(200);
  });
});
