import { type SessionUser, ValidationError } from "@lumen/core/kernel";
import { addOutline, createCourse, createUser } from "@lumen/core/testing";
import { courseInstructors, courses } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildCourse, codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
let other: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  other = await createUser(t.db, "instructor");
  admin = await createUser(t.db, "admin");
});
afterAll(() => t.close());

const api = (user: SessionUser = owner) => t.callerFor(user).authoring;
const basics = { category: "Design", level: "beginner", language: "en" } as const;
/** Per-field messages, whether zod (input parsing) or a service raised them. */
function fieldErrors(error: Error): Record<string, string[] | undefined> {
  if (error.cause instanceof ValidationError) return error.cause.fieldErrors;
  if (error.cause instanceof z.ZodError) return z.flattenError(error.cause).fieldErrors;
  return {};
}

describe("createCourse", () => {
  it("creates a draft owned by its creator, with a slug from the title and clean tags", async () => {
    const created = await api().createCourse({
      ...basics,
      title: "  Café Typography: The Basics!  ",
      tags: [" Fonts ", "fonts", "Type   Design", "KERNING"],
    });
    expect(created.slug).toBe("cafe-typography-the-basics");
    const course = await api().getCourse({ courseId: created.id });
    expect(course).toMatchObject({
      title: "Café Typography: The Basics!",
      status: "draft",
      publishedAt: null,
      tags: ["fonts", "type design", "kerning"],
      coverImageUrl: null,
      modules: [],
    });
    const editors = await t.db
      .select({ userId: courseInstructors.userId })
      .from(courseInstructors)
      .where(eq(courseInstructors.courseId, created.id));
    expect(editors).toEqual([{ userId: owner.id }]);
  });

  it("suffixes the slug when the title is taken, and falls back for non-latin titles", async () => {
    const slugs = [];
    for (let i = 0; i < 3; i++)
      slugs.push((await api().createCourse({ ...basics, title: "Color" })).slug);
    expect(slugs).toEqual(["color", "color-2", "color-3"]);
    expect((await api().createCourse({ ...basics, title: "日本語" })).slug).toMatch(
      /^course(-\d+)?$/,
    );
  });

  it("rejects too many or too long tags and oversized fields with a message per field", async () => {
    const tooMany = Array.from({ length: 11 }, (_, i) => `tag${i}`);
    for (const [input, field, message] of [
      [{ tags: tooMany }, "tags", "A course can have at most 10 tags."],
      [{ tags: ["x".repeat(31)] }, "tags", "Each tag must be at most 30 characters."],
      [{ title: "x".repeat(121) }, "title", "Title must be at most 120 characters."],
      [{ subtitle: "x".repeat(201) }, "subtitle", "Subtitle must be at most 200 characters."],
      [{ category: "Cooking" }, "category", "Pick one of the catalog's categories."],
    ] as const) {
      const error = await errorOf(
        api().createCourse({ ...basics, title: "Fine", ...input } as never),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrors(error)[field]).toContain(message);
    }
    // Duplicates collapse before counting: ten distinct tags written twice are fine.
    const twice = [...tooMany.slice(0, 10), ...tooMany.slice(0, 10).map((s) => s.toUpperCase())];
    const { id } = await api().createCourse({ ...basics, title: "Tags", tags: twice });
    const saved = await api().getCourse({ courseId: id });
    expect([...saved.tags].sort()).toEqual([...tooMany.slice(0, 10)].sort());
  });
});

describe("updateCourse", () => {
  it("saves the given fields only and returns the next expectedUpdatedAt", async () => {
    const { courseId, updatedAt } = await buildCourse(t, owner, "Drawing");
    const saved = await api().updateCourse({
      courseId,
      expectedUpdatedAt: updatedAt,
      subtitle: "Sketch every day",
      level: "advanced",
    });
    expect(saved.updatedAt > updatedAt).toBe(true);
    const course = await api().getCourse({ courseId });
    expect(course).toMatchObject({
      title: "Drawing",
      subtitle: "Sketch every day",
      level: "advanced",
    });
    expect(course.updatedAt).toBe(saved.updatedAt);
  });

  it("a stale expectedUpdatedAt is a CONFLICT that changes nothing", async () => {
    const { courseId, updatedAt } = await buildCourse(t, owner, "Painting");
    await api().updateCourse({ courseId, expectedUpdatedAt: updatedAt, subtitle: "First save" });
    const before = await t.db.select().from(courses).where(eq(courses.id, courseId));
    const error = await errorOf(
      api().updateCourse({ courseId, expectedUpdatedAt: updatedAt, subtitle: "Second save" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/changed after you opened it/);
    expect(await t.db.select().from(courses).where(eq(courses.id, courseId))).toEqual(before);
  });

  it("outline edits move updatedAt too, so the editor must take the value they return", async () => {
    const { courseId, updatedAt, moduleIds } = await buildCourse(t, owner, "Sculpture");
    const renamed = await api().renameModule({ moduleId: moduleIds[0] ?? "", title: "Clay" });
    expect(
      await codeOf(api().updateCourse({ courseId, expectedUpdatedAt: updatedAt, title: "X" })),
    ).toBe("CONFLICT");
    await expect(
      api().updateCourse({ courseId, expectedUpdatedAt: renamed.updatedAt, title: "Sculpture 2" }),
    ).resolves.toMatchObject({ courseId });
  });

  it("accepts the updatedAt of rows written outside authoring (microsecond timestamps)", async () => {
    const legacy = await createCourse(t.db, owner, { status: "draft", publishedAt: null });
    await t.db.insert(courseInstructors).values({ courseId: legacy.id, userId: owner.id });
    const { updatedAt } = await api().getCourse({ courseId: legacy.id });
    await expect(
      api().updateCourse({ courseId: legacy.id, expectedUpdatedAt: updatedAt, subtitle: "ok" }),
    ).resolves.toMatchObject({ courseId: legacy.id });
  });

  it("a never-published course follows its title; a published one keeps its URL", async () => {
    const draft = await buildCourse(t, owner, "Old Name");
    const renamed = await api().updateCourse({
      courseId: draft.courseId,
      expectedUpdatedAt: draft.updatedAt,
      title: "New Name",
    });
    expect(renamed.slug).toBe("new-name");

    const live = await buildCourse(t, owner, "Live Course");
    const { updatedAt } = await api().publish({ courseId: live.courseId });
    const after = await api().updateCourse({
      courseId: live.courseId,
      expectedUpdatedAt: updatedAt,
      title: "Renamed Live Course",
    });
    expect(after.slug).toBe(live.slug);
  });

  it("removes the cover when coverImageKey is null", async () => {
    const { courseId, updatedAt } = await buildCourse(t, owner, "Covers");
    await t.db
      .update(courses)
      .set({ coverImageKey: "a".repeat(64) })
      .where(eq(courses.id, courseId));
    await api().updateCourse({ courseId, expectedUpdatedAt: updatedAt, coverImageKey: null });
    expect((await api().getCourse({ courseId })).coverImageUrl).toBeNull();
  });
});

describe("myCourses", () => {
  it("lists what the caller edits, newest change first, with outline and enrollment counts", async () => {
    const me = await createUser(t.db, "instructor");
    const shared = await createCourse(t.db, other, { title: "Shared", status: "draft" });
    await addOutline(t.db, shared.id, [1, 2]);
    await t.db.insert(courseInstructors).values({ courseId: shared.id, userId: me.id });
    await createCourse(t.db, other, { title: "Not mine" });
    const mine = await buildCourse(t, me, "Mine One");

    const page = await api(me).myCourses();
    expect(page.total).toBe(2);
    expect(page.items.map((c) => c.title)).toEqual(["Mine One", "Shared"]);
    expect(page.items[0]).toMatchObject({
      id: mine.courseId,
      status: "draft",
      moduleCount: 2,
      lessonCount: 3,
      enrollmentCount: 0,
      publishedAt: null,
    });
    expect(page.items[1]).toMatchObject({ moduleCount: 2, lessonCount: 3 });
  });

  it("admins see every course, paged", async () => {
    const all = await api(admin).myCourses({ pageSize: 2 });
    expect(all.total).toBeGreaterThan(4);
    expect(all.items).toHaveLength(2);
    expect(all.pageCount).toBe(Math.ceil(all.total / 2));
  });
});
