import { createCourse, createLesson, createModule, createUser } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PUBLIC_CATALOG_CACHE_CONTROL } from "../src/routes/public-catalog";
import { createTestApp, json, signUp, type TestApp, trpcData } from "./harness";

let t: TestApp;
let publishedId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const instructor = await createUser(db, "instructor", {
    id: "instr-pub",
    name: "Pia",
    email: "pia@test.lumen.dev",
  });
  const published = await createCourse(db, instructor, {
    slug: "public-statistics",
    title: "Public statistics",
    category: "Data Science",
    publishedAt: new Date("2026-01-02T00:00:00Z"),
  });
  publishedId = published.id;
  await createCourse(db, instructor, {
    slug: "public-regression",
    title: "Public regression",
    category: "Data Science",
    level: "advanced",
    publishedAt: new Date("2026-01-01T00:00:00Z"),
  });
  await createCourse(db, instructor, {
    slug: "secret-draft",
    title: "Secret draft",
    category: "Data Science",
    status: "draft",
    publishedAt: null,
  });
  const mod = await createModule(db, publishedId, { title: "Basics" });
  await createLesson(db, mod.id, {
    title: "Means",
    kind: "text",
    durationSeconds: 300,
  });
});
afterAll(() => t.database.close());

const pageShape = z.object({
  items: z.array(z.object({ slug: z.string() }).passthrough()),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
const errorShape = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

describe("GET /public/courses", () => {
  it("returns exactly what tRPC catalog.list returns for the same query", async () => {
    const input = { category: "Data Science", sort: "newest" };
    const rest = await t.app.request("/public/courses?sort=newest&category=Data%20Science");
    const trpc = await t.app.request(
      `/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify(input))}`,
    );

    expect(rest.status).toBe(200);
    const body = await rest.json();
    expect(body).toEqual(await trpcData(trpc, z.unknown()));
    expect(pageShape.parse(body).items.map((c) => c.slug)).toEqual([
      "public-statistics",
      "public-regression",
    ]);
  });

  it("never lists drafts", async () => {
    const body = pageShape.parse(await (await t.app.request("/public/courses")).json());
    expect(body.items.map((c) => c.slug)).not.toContain("secret-draft");
    expect(body.total).toBe(2);
  });

  it("treats empty parameters as no filter, as the public contract spells them", async () => {
    const res = await t.app.request("/public/courses?query=&category=&level=&language=&page=");
    expect(res.status).toBe(200);
    expect(pageShape.parse(await res.json()).total).toBe(2);
  });

  it("answers bad parameters with 400 and a message per field, uncached", async () => {
    const res = await t.app.request("/public/courses?level=expert&page=0&sort=price");

    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { error } = errorShape.parse(await res.json());
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["level", "page", "sort"]);
    expect(error.fieldErrors?.level?.[0]).toMatch(/beginner, intermediate or advanced/);
  });

  it("carries shared-cache headers and an ETag, and answers a matching If-None-Match with 304", async () => {
    const res = await t.app.request("/public/courses?level=advanced");
    const etag = res.headers.get("etag");

    expect(res.headers.get("cache-control")).toBe(PUBLIC_CATALOG_CACHE_CONTROL);
    expect(res.headers.get("cache-control")).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
    expect(etag).toMatch(/^W\/".+"$/);

    const again = await t.app.request("/public/courses?level=advanced", {
      headers: { "if-none-match": etag ?? "" },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    const other = await t.app.request("/public/courses?level=beginner", {
      headers: { "if-none-match": etag ?? "" },
    });
    expect(other.status).toBe(200);
  });
});

describe("GET /public/courses/:slug", () => {
  it("returns a published course's outline, with no enrollment", async () => {
    const res = await t.app.request("/public/courses/public-statistics");

    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe(PUBLIC_CATALOG_CACHE_CONTROL);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(await res.json()).toMatchObject({
      slug: "public-statistics",
      status: "published",
      lessonCount: 1,
      durationSeconds: 300,
      enrollment: null,
      modules: [{ title: "Basics", lessons: [{ title: "Means", kind: "text" }] }],
    });
  });

  it("ignores the session, so a personal enrollment can never be cached", async () => {
    const cookie = await signUp(t, "reader@test.lumen.dev");
    const enrolled = await t.app.request(
      "/trpc/enrollment.enroll",
      json({ courseId: publishedId }, { cookie }),
    );
    expect(enrolled.status).toBe(200);

    const res = await t.app.request("/public/courses/public-statistics", { headers: { cookie } });
    expect(await res.json()).toMatchObject({ enrollment: null });
  });

  it("answers 404 for a draft, an unknown slug and a malformed slug, uncached", async () => {
    for (const slug of ["secret-draft", "no-such-course", "Not%20A%20Slug"]) {
      const res = await t.app.request(`/public/courses/${slug}`);
      expect(res.status, slug).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(errorShape.parse(await res.json()).error.code).toBe("NOT_FOUND");
    }
  });
});
