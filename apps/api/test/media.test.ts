import { createCourse, jpeg, png, svg, webp, webpHeader } from "@lumen/core/testing";
import { courses, mediaBlobs } from "@lumen/db";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, signUp, signUpInstructor, type TestApp, WEB_ORIGIN } from "./harness";

let t: TestApp;
let ownerCookie: string;
let otherCookie: string;
let learnerCookie: string;
let ownerId: string;

async function course(status: "draft" | "published", instructorId = ownerId) {
  return createCourse(
    t.database.db,
    { id: instructorId },
    {
      title: "Covers",
      category: "Design",
      status,
      publishedAt: status === "published" ? new Date() : null,
      listOwner: true,
    },
  );
}

const upload = (courseId: string, body: Uint8Array, cookie = ownerCookie, type = "image/png") =>
  t.app.request(`/api/courses/${courseId}/cover`, {
    method: "PUT",
    headers: { cookie, origin: WEB_ORIGIN, "content-type": type },
    body,
  });
const coverKey = async (courseId: string) =>
  (await t.database.db.select().from(courses).where(eq(courses.id, courseId)))[0]?.coverImageKey;
const blobCount = async () =>
  (await t.database.db.select({ n: count() }).from(mediaBlobs))[0]?.n ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie: ownerCookie, id: ownerId } = await signUpInstructor(t, "owner@test.lumen.dev"));
  ({ cookie: otherCookie } = await signUpInstructor(t, "other@test.lumen.dev"));
  learnerCookie = await signUp(t, "learner@test.lumen.dev");
});
afterAll(() => t.database.close());

describe("PUT /api/courses/:courseId/cover", () => {
  it("accepts PNG, JPEG and WebP by content and serves each back with forever-cache headers", async () => {
    const { id } = await course("draft");
    for (const [bytes, type] of [
      [png(4, 3), "image/png"],
      [jpeg(16, 9), "image/jpeg"],
      [webp(), "image/webp"],
    ] as const) {
      // The declared type is ignored: the bytes decide.
      const res = await upload(id, bytes, ownerCookie, "application/octet-stream");
      expect(res.status).toBe(200);
      const body = (await res.json()) as { coverImageKey: string; coverImageUrl: string };
      expect(body.coverImageUrl).toBe(`/media/${body.coverImageKey}`);
      expect(await coverKey(id)).toBe(body.coverImageKey);

      const served = await t.app.request(body.coverImageUrl);
      expect(served.status).toBe(200);
      expect(Object.fromEntries(served.headers)).toMatchObject({
        "content-type": type,
        "cache-control": "public, max-age=31536000, immutable",
        etag: `"${body.coverImageKey}"`,
        "x-content-type-options": "nosniff",
      });
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array(bytes));
    }
  });

  it("refuses a text file named .png, an SVG and oversized dimensions with a clear 400", async () => {
    const { id } = await course("draft");
    const cases = [
      [Buffer.from("just some notes, renamed to cover.png"), /not a PNG, JPEG or WebP/],
      [svg(), /not a PNG, JPEG or WebP/],
      [webpHeader(9000, 100), /at most 8000 pixels/],
      [new Uint8Array(0), /empty/],
    ] as const;
    for (const [bytes, message] of cases) {
      const res = await upload(id, bytes, ownerCookie, "image/png");
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("BAD_REQUEST");
      expect(body.error.message).toMatch(message);
    }
    expect(await coverKey(id)).toBeNull();
  });

  it("allows covers above the API's global body limit, up to 2 MiB, and answers 413 beyond", async () => {
    const { id } = await course("draft");
    const noisy = png(40, 40, { noise: true });
    expect(noisy.length).toBeGreaterThan(4096); // the test app's MAX_BODY_BYTES
    expect((await upload(id, noisy)).status).toBe(200);

    const huge = new Uint8Array(2 * 1024 * 1024 + 1);
    huge.set(png(1, 1));
    const res = await upload(id, huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    // Every other route keeps the global limit.
    const big = await t.app.request(
      "/trpc/enrollment.enroll",
      json({ courseId: "x".repeat(5000) }),
    );
    expect(big.status).toBe(413);
  });

  it("refuses strangers without storing anything: 401, 404 on a draft, 403 on a published course", async () => {
    const draft = await course("draft");
    const published = await course("published");
    const before = await blobCount();
    const bytes = png(7, 7);
    expect((await upload(draft.id, bytes, "")).status).toBe(401);
    for (const cookie of [otherCookie, learnerCookie]) {
      expect((await upload(draft.id, bytes, cookie)).status).toBe(404);
      expect((await upload(published.id, bytes, cookie)).status).toBe(403);
    }
    expect((await upload("not-a-uuid", bytes)).status).toBe(400);
    expect(await blobCount()).toBe(before);
    expect([await coverKey(draft.id), await coverKey(published.id)]).toEqual([null, null]);
  });

  it("a published course's new cover is re-indexed (the index job purges the edge after); identical bytes share one blob", async () => {
    const published = await course("published");
    const draft = await course("draft");
    const bytes = png(5, 5);
    const before = await blobCount();
    expect((await upload(published.id, bytes)).status).toBe(200);
    expect((await upload(draft.id, bytes)).status).toBe(200);
    expect(await blobCount()).toBe(before + 1);
    const jobs = await t.database.db.execute<{ name: string }>(
      sql`select name from pgboss.job where data->>'courseId' = ${published.id} order by name`,
    );
    expect(jobs.rows.map((r) => r.name)).toEqual(["search.index-course"]);
    const draftJobs = await t.database.db.execute(
      sql`select 1 from pgboss.job where data->>'courseId' = ${draft.id}`,
    );
    expect(draftJobs.rows).toHaveLength(0);
  });
});

describe("GET /media/:key", () => {
  it("answers 304 to a matching If-None-Match, 404 to unknown keys, 400 to malformed ones", async () => {
    const { id } = await course("draft");
    const { coverImageKey } = (await (await upload(id, png(6, 2))).json()) as {
      coverImageKey: string;
    };
    const cached = await t.app.request(`/media/${coverImageKey}`, {
      headers: { "if-none-match": `W/"other", "${coverImageKey}"` },
    });
    expect(cached.status).toBe(304);
    expect(cached.headers.get("etag")).toBe(`"${coverImageKey}"`);
    expect((await t.app.request(`/media/${"0".repeat(64)}`)).status).toBe(404);
    expect((await t.app.request("/media/..%2F..%2Fetc%2Fpasswd")).status).toBe(400);
  });
});
