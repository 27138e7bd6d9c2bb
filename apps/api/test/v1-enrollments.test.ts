import { createCourse, createEnrollment } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MyEnrollmentsPage } from "../src/v1/schemas/enrollments";
import { signUpInstructor } from "./harness";
import { createV1World, type V1World } from "./v1-world";

let w: V1World;
beforeAll(async () => {
  w = await createV1World();
});
afterAll(() => w.close());

describe("POST /api/v1/enrollments", () => {
  it("enrolling answers 201 with a Location, and enrolling again 200 with the same enrollment", async () => {
    const { token } = await w.learner();
    const first = await w.call("POST", "/enrollments", { token, body: { course_id: w.course.id } });
    expect(first.status).toBe(201);
    expect(first.res.headers.get("location")).toBe(`/api/v1/courses/${w.course.id}/progress`);
    const again = await w.call("POST", "/enrollments", { token, body: { course_id: w.course.id } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it("an unknown course is a 404 problem", async () => {
    const { token } = await w.learner();
    const res = await w.call("POST", "/enrollments", {
      token,
      body: { course_id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: "/api/v1/problems/not-found", status: 404 });
  });
});

describe("GET /api/v1/enrollments", () => {
  it("pages my enrollments with Link headers", async () => {
    const { user, token } = await w.learner();
    for (let i = 0; i < 3; i++) {
      const other = await createCourse(w.db, w.instructor);
      await createEnrollment(w.db, user, other.id);
    }
    const page1 = await w.call("GET", "/enrollments?page_size=2", { token });
    expect(page1.status).toBe(200);
    const body = MyEnrollmentsPage.parse(page1.body);
    expect(body).toMatchObject({ total: 3, page: 1, page_size: 2, page_count: 2 });
    expect(body.items).toHaveLength(2);
    const link = page1.res.headers.get("link") ?? "";
    expect(link).toContain('page=2>; rel="next"');
    expect(link).toContain('page=1>; rel="first"');
    expect(link).toContain('page=2>; rel="last"');
    expect(link).not.toContain('rel="prev"');
    const page2 = await w.call("GET", "/enrollments?page_size=2&page=2", { token });
    const items2 = MyEnrollmentsPage.parse(page2.body).items;
    expect(items2).toHaveLength(1);
    expect(page2.res.headers.get("link")).toContain('rel="prev"');
    expect(new Set([...body.items, ...items2].map((i) => i.enrollment_id)).size).toBe(3);
  });
});

describe("GET /api/v1/courses/{course_id}/learners", () => {
  it("is for the course's instructors: 403 for a learner, a page with Link for the instructor", async () => {
    const { user, token } = await w.learner();
    await createEnrollment(w.db, user, w.course.id);
    const refused = await w.call("GET", `/courses/${w.course.id}/learners`, { token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: "/api/v1/problems/forbidden" });
    const { token: teacher } = await w.keyFor(w.instructor, "read");
    const page = await w.call("GET", `/courses/${w.course.id}/learners?page_size=1`, {
      token: teacher,
    });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, page_size: 1 });
    expect(page.res.headers.get("link")).toContain('rel="next"');
  });
});

describe("GET /api/v1/courses/{course_id}/learners with a session", () => {
  it("an instructor's session cookie is re-checked against the database and lists their course", async () => {
    const { cookie, id } = await signUpInstructor(w.t, "teacher@v1.test");
    const own = await createCourse(w.db, { id }, { listOwner: true });
    const page = await w.call("GET", `/courses/${own.id}/learners`, { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 0, items: [] });
    const other = await w.call("GET", `/courses/${w.course.id}/learners`, { cookie });
    expect(other.status).toBe(403);
  });
});

describe("GET /api/v1/courses", () => {
  it("pages the catalog with Link headers that keep the other parameters", async () => {
    const { token } = await w.learner();
    const res = await w.call("GET", "/courses?level=beginner&page_size=1&page=2", { token });
    expect(res.status).toBe(200);
    const { total, page_count } = res.body as { total: number; page_count: number };
    expect(total).toBeGreaterThanOrEqual(3);
    expect(page_count).toBe(total);
    const link = res.res.headers.get("link") ?? "";
    const rels = Object.fromEntries(
      [...link.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map(([, url, rel]) => [
        rel,
        new URL(url ?? "", "http://client.example"),
      ]),
    );
    expect(Object.keys(rels).sort()).toEqual(["first", "last", "next", "prev"]);
    expect(rels.prev?.searchParams.get("page")).toBe("1");
    expect(rels.next?.searchParams.get("page")).toBe("3");
    expect(rels.last?.searchParams.get("page")).toBe(String(total));
    expect(rels.next?.searchParams.get("level")).toBe("beginner");
    expect(rels.next?.searchParams.get("page_size")).toBe("1");
    expect(link).toMatch(/^<\/api\/v1\/courses\?/);
  });
});

describe("GET caching", () => {
  it("answers an ETag, and 304 to If-None-Match with it", async () => {
    const { token } = await w.learner();
    const first = await w.call("GET", "/courses?query=contracts", { token });
    const tag = first.res.headers.get("etag");
    expect(tag).toBeTruthy();
    expect(first.res.headers.get("cache-control")).toBe("private, no-cache");
    const again = await w.call("GET", "/courses?query=contracts", {
      token,
      headers: { "if-none-match": tag ?? "" },
    });
    expect(again.status).toBe(304);
  });
});
