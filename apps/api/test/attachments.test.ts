import { addLessonOfKind, createCourse, createEnrollment, createUser } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, json, signUp, type TestApp, trpcData, userIdOf } from "./harness";

// The whole path through the API: tRPC start and confirm with the learner's cookie, the edge's
// PUT stood in for by the in-memory store, then the download route.
let t: TestApp;
let learnerCookie: string;
let classmateCookie: string;
let courseId: string;
let lessonId: string;

beforeAll(async () => {
  t = await createTestApp();
  learnerCookie = await signUp(t, "author@test.lumen.dev");
  classmateCookie = await signUp(t, "classmate@test.lumen.dev");
  const db = t.database.db;
  const instructor = await createUser(db, "instructor");
  const course = await createCourse(db, instructor, { title: "Essays" });
  courseId = course.id;
  lessonId = (await addLessonOfKind(db, courseId, "assignment")).id;
  for (const email of ["author@test.lumen.dev", "classmate@test.lumen.dev"]) {
    await createEnrollment(db, { id: await userIdOf(t, email) }, courseId);
  }
});
afterAll(() => t.database.close());

const trpc = (path: string, input: unknown, cookie: string) =>
  t.app.request(`/trpc/assignmentFiles.${path}`, json(input, { cookie }));

/** Attaches `bytes` as the learner: start, the edge's PUT, confirm. */
async function attach(filename: string, contentType: string, bytes: Uint8Array) {
  const ticket = await trpcData(
    await trpc("start", { lessonId, filename, contentType, byteSize: bytes.length }, learnerCookie),
    z.object({ attachmentId: z.string(), url: z.string() }),
  );
  expect(ticket.url).toMatch(/^http:\/\/127\.0\.0\.1:8787\/attachments\/m1\./);
  await t.mediaStore.putFile({ purpose: "attachment", id: ticket.attachmentId }, bytes, "x/y");
  return trpcData(
    await trpc("confirm", { attachmentId: ticket.attachmentId }, learnerCookie),
    z.object({ id: z.string(), downloadUrl: z.string() }),
  );
}

describe("GET /api/attachments/:attachmentId", () => {
  it("downloads the file as an attachment under its safe name, with its checked type and nosniff", async () => {
    const text = new TextEncoder().encode("# Notes\n\n<script>alert(1)</script>\n");
    const attachment = await attach('weird "name"\u00e9.md', "text/markdown", text);

    const res = await t.app.request(attachment.downloadUrl, { headers: { cookie: learnerCookie } });

    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "content-type": "text/markdown; charset=utf-8",
      "content-length": String(text.length),
      "content-disposition": `attachment; filename="weird name_.md"; filename*=UTF-8''weird%20name%C3%A9.md`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(text);
  });

  it("is a 404 for a classmate, a 401 without a session and a 400 for a malformed id", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const attachment = await attach("diagram.png", "image/png", png);

    const classmate = await t.app.request(attachment.downloadUrl, {
      headers: { cookie: classmateCookie },
    });
    const anonymous = await t.app.request(attachment.downloadUrl);
    const malformed = await t.app.request("/api/attachments/not-an-id", {
      headers: { cookie: learnerCookie },
    });

    expect([classmate.status, anonymous.status, malformed.status]).toEqual([404, 401, 400]);
    expect(await classmate.json()).toMatchObject({
      error: { message: "We couldn't find that attachment." },
    });
  });
});
