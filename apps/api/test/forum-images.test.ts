import { createCourse, createEnrollment, createUser } from "@lumen/core/testing";
import { forumImages } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, json, signUp, type TestApp, trpcData, userIdOf } from "./harness";

// The whole path through the API: tRPC start and confirm with the member's cookie, the edge's
// PUT stood in for by the in-memory store, then the image route.
let t: TestApp;
let memberCookie: string;
let outsiderCookie: string;
let courseId: string;

beforeAll(async () => {
  t = await createTestApp();
  memberCookie = await signUp(t, "member@test.lumen.dev");
  outsiderCookie = await signUp(t, "outsider@test.lumen.dev");
  const db = t.database.db;
  const instructor = await createUser(db, "instructor");
  courseId = (await createCourse(db, instructor, { title: "Drawing" })).id;
  await createEnrollment(db, { id: await userIdOf(t, "member@test.lumen.dev") }, courseId);
});
afterAll(() => t.database.close());

const trpc = (path: string, input: unknown, cookie: string) =>
  t.app.request(`/trpc/forumFiles.${path}`, json(input, { cookie }));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Uploads `bytes` as the member: start, the edge's PUT, confirm. */
async function upload(bytes: Uint8Array) {
  const ticket = await trpcData(
    await trpc(
      "startImage",
      { courseId, filename: "sketch.png", contentType: "image/png", byteSize: bytes.length },
      memberCookie,
    ),
    z.object({ imageId: z.string(), uploadUrl: z.string() }),
  );
  expect(ticket.uploadUrl).toMatch(/^http:\/\/127\.0\.0\.1:8787\/attachments\/m1\.[^.]+\.g\./);
  await t.mediaStore.putFile({ purpose: "forum-image", id: ticket.imageId }, bytes, "x/y");
  return trpcData(
    await trpc("confirmImage", { imageId: ticket.imageId }, memberCookie),
    z.object({ id: z.string(), url: z.string() }),
  );
}

describe("GET /api/forum-images/:imageId", () => {
  it("shows the image inline to a member, with its checked type, nosniff and a sandbox", async () => {
    const image = await upload(PNG);
    expect(image.url).toBe(`/api/forum-images/${image.id}`);

    const res = await t.app.request(image.url, { headers: { cookie: memberCookie } });

    expect(res.status).toBe(200);
    const headers = Object.fromEntries(res.headers);
    expect(headers).toMatchObject({
      "content-type": "image/png",
      "content-length": String(PNG.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=300",
    });
    expect(headers["content-disposition"]).toBeUndefined();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
  });

  it("is a 403 for an outsider, a 401 without a session and a 400 for a malformed id", async () => {
    const image = await upload(PNG);

    const outsider = await t.app.request(image.url, { headers: { cookie: outsiderCookie } });
    const anonymous = await t.app.request(image.url);
    const malformed = await t.app.request("/api/forum-images/not-an-id", {
      headers: { cookie: memberCookie },
    });

    expect([outsider.status, anonymous.status, malformed.status]).toEqual([403, 401, 400]);
    expect(await outsider.json()).toMatchObject({
      error: { message: "Enroll in this course to read and post in its forum." },
    });
  });

  it("an outsider cannot start an upload, and a too-big image is refused: nothing is kept", async () => {
    const input = { courseId, filename: "a.png", contentType: "image/png", byteSize: 10 };
    const outsider = await trpc("startImage", input, outsiderCookie);
    const tooBig = await trpc(
      "startImage",
      { ...input, byteSize: 5 * 1024 * 1024 + 1 },
      memberCookie,
    );
    expect([outsider.status, tooBig.status]).toEqual([403, 400]);
    expect(JSON.stringify(await tooBig.json())).toContain("Images can be at most 5 MiB.");
    const kept = await t.database.db
      .select()
      .from(forumImages)
      .where(eq(forumImages.filename, "a.png"));
    expect(kept).toEqual([]);
  });
});
