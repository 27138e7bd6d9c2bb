import type { SessionUser } from "@lumen/core/kernel";
import { addOutline, createCourse, createUser } from "@lumen/core/testing";
import { courseInstructors, courses } from "@lumen/db";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
let learner: SessionUser;
const slugs: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext();
  const db = t.db;
  owner = await createUser(db, "instructor");
  learner = await createUser(db);
  const fixtures = [
    {
      key: "py",
      title: "Python Basics",
      tags: ["python", "programming"],
      coverImageKey: "covers/python.png",
      category: "Computer Science",
      level: "beginner",
      language: "en",
      ratingAverage: 4.8,
      ratingCount: 40,
      enrollmentCount: 10,
    },
    {
      key: "ml",
      title: "Machine Learning",
      category: "Data Science",
      level: "advanced",
      language: "en",
      ratingAverage: 4.2,
      ratingCount: 40,
      enrollmentCount: 30,
    },
    {
      key: "es",
      title: "Estadística",
      category: "Data Science",
      level: "beginner",
      language: "es",
      ratingAverage: 3.9,
      ratingCount: 40,
      enrollmentCount: 20,
    },
    {
      key: "art",
      title: "Art History",
      category: "Arts and Humanities",
      level: "intermediate",
      language: "fr",
      ratingAverage: 4.5,
      ratingCount: 40,
      enrollmentCount: 0,
    },
  ] as const;
  for (const [i, { key, ...f }] of fixtures.entries()) {
    const course = await createCourse(db, owner, {
      ...f,
      tags: "tags" in f ? [...f.tags] : [],
      publishedAt: new Date(Date.UTC(2025, 5, i + 1)),
    });
    slugs[key] = course.slug;
    if (key === "py") await addOutline(db, course.id, [2, 1]);
  }
  const draft = await createCourse(db, owner, {
    title: "Unreleased",
    status: "draft",
    publishedAt: null,
  });
  slugs.draft = draft.slug;
  await t.search.reindexAll();
});
afterAll(() => t.close());

const caller = (user: SessionUser | null = null) => t.callerFor(user);

describe("catalog.list", () => {
  it("lists only published courses, newest first, with a total", async () => {
    const page = await caller().catalog.list({});
    expect(page.total).toBe(4);
    expect(page.items.map((c) => c.slug)).toEqual([slugs.art, slugs.es, slugs.ml, slugs.py]);
    expect(page.items[0]).toMatchObject({
      instructorName: owner.name,
      ratingAverage: 4.5,
      enrollmentCount: 0,
      highlights: {},
    });
    expect(page.backend).toBe("postgres");
  });

  it("cards carry tags and a cover image URL, never the storage key", async () => {
    const page = await caller().catalog.list({ query: "python" });
    expect(page.items[0]).toMatchObject({
      slug: slugs.py,
      tags: ["python", "programming"],
      coverImageUrl: "/media/covers/python.png",
    });
    expect(page.items[0]).not.toHaveProperty("coverImageKey");
  });

  it("filters by category, level and language together", async () => {
    const page = await caller().catalog.list({
      category: "Data Science",
      level: "beginner",
      language: "es",
    });
    expect(page.items.map((c) => c.slug)).toEqual([slugs.es]);
    expect(page.total).toBe(1);
  });

  // Equal counts: the damped rating sort (ADR 0032) keeps the averages' order.
  it("sorts by rating and by enrollments", async () => {
    const byRating = await caller().catalog.list({ sort: "rating" });
    expect(byRating.items.map((c) => c.slug)).toEqual([slugs.py, slugs.art, slugs.ml, slugs.es]);
    const byEnrollments = await caller().catalog.list({ sort: "enrollments" });
    expect(byEnrollments.items.map((c) => c.slug)).toEqual([
      slugs.ml,
      slugs.es,
      slugs.py,
      slugs.art,
    ]);
  });

  it("paginates with a stable order and a page count", async () => {
    const first = await caller().catalog.list({ sort: "rating", pageSize: 3, page: 1 });
    const second = await caller().catalog.list({ sort: "rating", pageSize: 3, page: 2 });
    expect(first.pageCount).toBe(2);
    expect([...first.items, ...second.items].map((c) => c.slug)).toHaveLength(4);
    expect(second.items.map((c) => c.slug)).toEqual([slugs.es]);
  });

  it("rejects unknown filter values, sort keys and oversized input with a 400", async () => {
    const inputs = [
      { level: "expert" },
      { pageSize: 500 },
      { language: "english" },
      { category: "Astrology" },
      { sort: "price" },
      { query: "x".repeat(201) },
    ];
    for (const input of inputs) {
      const error = await caller()
        .catalog.list(input as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
  });

  it("returns facet counts with the other filters applied", async () => {
    const page = await caller().catalog.list({ category: "Data Science" });
    // The category facet ignores the category filter, so every category stays selectable.
    expect(page.facets.category).toEqual([
      { value: "Data Science", count: 2 },
      { value: "Arts and Humanities", count: 1 },
      { value: "Computer Science", count: 1 },
    ]);
    expect(page.facets.level).toEqual([
      { value: "advanced", count: 1 },
      { value: "beginner", count: 1 },
    ]);
    expect(page.facets.language).toEqual([
      { value: "en", count: 1 },
      { value: "es", count: 1 },
    ]);
  });

  it("searches text with highlighted matches and typo correction", async () => {
    const page = await caller().catalog.list({ query: "machne lerning" });
    expect(page.correctedQuery).toBe("machine learning");
    expect(page.items.map((c) => c.slug)).toEqual([slugs.ml]);
    expect(page.items[0]?.highlights.title).toBe("<mark>Machine</mark> <mark>Learning</mark>");
  });
});

describe("catalog.bySlug", () => {
  it("returns the ordered outline with totals and the caller's enrollment state", async () => {
    const anonymous = await caller().catalog.bySlug({ slug: slugs.py ?? "" });
    expect(anonymous.modules.map((m) => m.lessons.map((l) => l.title))).toEqual([
      ["Lesson 1.1", "Lesson 1.2"],
      ["Lesson 2.1"],
    ]);
    expect(anonymous).toMatchObject({
      lessonCount: 3,
      durationSeconds: 180,
      enrollment: null,
      tags: ["python", "programming"],
      coverImageUrl: "/media/covers/python.png",
    });

    const { enrollmentId } = await caller(learner).enrollment.enroll({ courseId: anonymous.id });
    const signedIn = await caller(learner).catalog.bySlug({ slug: slugs.py ?? "" });
    expect(signedIn.enrollment?.id).toBe(enrollmentId);
  });

  it("shows a draft to a co-instructor, but not to an unrelated instructor", async () => {
    const coInstructor = await createUser(t.db, "instructor");
    const stranger = await createUser(t.db, "instructor");
    const [draft] = await t.db
      .select()
      .from(courses)
      .where(eq(courses.slug, slugs.draft ?? ""));
    await t.db
      .insert(courseInstructors)
      .values({ courseId: draft?.id ?? "", userId: coInstructor.id });
    expect((await caller(coInstructor).catalog.bySlug({ slug: slugs.draft ?? "" })).status).toBe(
      "draft",
    );
    const error = await caller(stranger)
      .catalog.bySlug({ slug: slugs.draft ?? "" })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
  });

  it("hides drafts from learners but shows them to their instructor", async () => {
    const error = await caller(learner)
      .catalog.bySlug({ slug: slugs.draft ?? "" })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    const asOwner = await caller(owner).catalog.bySlug({ slug: slugs.draft ?? "" });
    expect(asOwner.status).toBe("draft");
  });

  it("lets the course's instructors and admins open every lesson without enrolling, nobody else", async () => {
    const admin = await createUser(t.db, "admin");
    const stranger = await createUser(t.db, "instructor");
    const slug = slugs.py ?? "";
    const asOwner = await caller(owner).catalog.bySlug({ slug });
    expect(asOwner).toMatchObject({ viewerCanEdit: true, enrollment: null });
    expect((await caller(admin).catalog.bySlug({ slug })).viewerCanEdit).toBe(true);
    for (const viewer of [null, learner, stranger]) {
      expect((await caller(viewer).catalog.bySlug({ slug })).viewerCanEdit).toBe(false);
    }
    const lessonId = asOwner.modules[0]?.lessons[1]?.id ?? "";
    expect((await caller(owner).learning.lesson({ lessonId })).lessonId).toBe(lessonId);
    const refused = await caller(stranger)
      .learning.lesson({ lessonId })
      .catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
  });

  it("an unknown or malformed slug is a clear 4xx", async () => {
    const missing = await caller()
      .catalog.bySlug({ slug: "no-such-course" })
      .catch((e: unknown) => e);
    expect((missing as TRPCError).code).toBe("NOT_FOUND");
    const malformed = await caller()
      .catalog.bySlug({ slug: "DROP TABLE;" })
      .catch((e: unknown) => e);
    expect((malformed as TRPCError).code).toBe("BAD_REQUEST");
  });
});
