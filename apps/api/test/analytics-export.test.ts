import type { ExportTable } from "@lumen/core/analytics";
import {
  appendLessons,
  createCourse,
  createEnrollment,
  createRollupLearner,
  createRollupLearners,
  createUser,
} from "@lumen/core/testing";
import { setUserRole } from "@lumen/core/users";
import { analyticsExports } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cookieHeader,
  createTestApp,
  json,
  signUp,
  signUpInstructor,
  type TestApp,
  userIdOf,
} from "./harness";

// The export route end to end: the session cookie, the course check, the CSV streamed from
// the database cursor, and the audit row.
let t: TestApp;
const cookies: Record<"learner" | "owner" | "otherInstructor" | "admin", string> = {
  learner: "",
  owner: "",
  otherInstructor: "",
  admin: "",
};
let ownerId: string;
let courseId: string;
let slug: string;
let videoId: string;
let quizId: string;
let otherVideoId: string;
const LEARNERS = 12_000;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  cookies.learner = await signUp(t, "learner@test.lumen.dev");
  const owner = await signUpInstructor(t, "owner@test.lumen.dev");
  cookies.owner = owner.cookie;
  ownerId = owner.id;
  const other = await signUpInstructor(t, "other@test.lumen.dev");
  cookies.otherInstructor = other.cookie;
  cookies.admin = await signUpAdmin("admin@test.lumen.dev");
  const course = await createCourse(db, { id: ownerId });
  courseId = course.id;
  slug = course.slug;
  [videoId = "", quizId = ""] = await appendLessons(db, courseId, { id: ownerId }, [
    { kind: "video" },
    { kind: "quiz" },
    { kind: "text" },
  ]);
  await createEnrollment(db, { id: await userIdOf(t, "learner@test.lumen.dev") }, courseId);
  const otherCourse = await createCourse(db, { id: other.id });
  [otherVideoId = ""] = await appendLessons(db, otherCourse.id, { id: other.id }, [
    { kind: "video" },
  ]);
  await createRollupLearners(db, courseId, LEARNERS);
});
afterAll(() => t.database.close());

async function signUpAdmin(email: string, password = "correct-horse-battery") {
  await signUp(t, email, password);
  await setUserRole(t.database.db, await userIdOf(t, email), "admin");
  const res = await t.app.request("/api/auth/sign-in/email", json({ email, password }));
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return cookieHeader(res);
}

const exportUrl = (table: string, query = "", course = courseId) =>
  `/api/courses/${course}/analytics/${table}.csv${query ? `?${query}` : ""}`;
const get = (url: string, cookie?: string) =>
  t.app.request(url, cookie ? { headers: { cookie } } : {});

/** Every table the export serves (the type fails when one is added and not listed here). */
const TABLES: Record<ExportTable, () => string> = {
  overview: () => "from=2026-03-01&to=2026-03-07&granularity=day",
  funnel: () => "",
  videos: () => "",
  video: () => `lessonId=${videoId}`,
  quizzes: () => "",
  quiz: () => `lessonId=${quizId}`,
  exercises: () => "",
  assignments: () => "",
  learners: () => "query=Learner%200000&sort=name&direction=asc",
};

describe("GET /api/courses/:courseId/analytics/:table.csv", () => {
  it.each(Object.entries(TABLES))(
    "%s.csv: anonymous 401, enrolled learner and another course's instructor 403, the course's instructor and an admin 200",
    async (table, query) => {
      const url = exportUrl(table, query());
      const statuses = {
        anonymous: (await get(url)).status,
        learner: (await get(url, cookies.learner)).status,
        otherInstructor: (await get(url, cookies.otherInstructor)).status,
        owner: (await get(url, cookies.owner)).status,
        admin: (await get(url, cookies.admin)).status,
      };
      expect(statuses).toEqual({
        anonymous: 401,
        learner: 403,
        otherInstructor: 403,
        owner: 200,
        admin: 200,
      });
    },
  );

  it("streams every learner as CSV with the download headers, and audits the export with its row count", async () => {
    const res = await get(exportUrl("learners", "sort=name&direction=asc"), cookies.owner);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="${slug}-learners.csv"`,
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toMatch(/^name,email,enrolled_at,percent,/);
    // The header, every learner (more than two cursor pages), and the final line break.
    expect(lines).toHaveLength(LEARNERS + 2);
    expect(lines[1]).toMatch(/^Learner 000001,/);
    expect(lines[LEARNERS]).toMatch(/^Learner 012000,/);
    const audits = await t.database.db
      .select()
      .from(analyticsExports)
      .where(eq(analyticsExports.courseId, courseId));
    expect(audits.filter((a) => a.rows === LEARNERS).map((a) => [a.userId, a.table])).toEqual([
      [ownerId, "learners"],
    ]);
  });

  it("escapes quotes, commas and line breaks and defuses formulas in learners' names", async () => {
    const db = t.database.db;
    const user = await createUser(db, "learner", {
      name: '=HYPERLINK("http://evil.test","Click, me")\nnext',
      email: "formula@test.lumen.dev",
    });
    await createRollupLearner(db, courseId, { user });
    const res = await get(exportUrl("learners", "query=formula%40test"), cookies.owner);
    const text = await res.text();
    expect(text.split("\r\n").slice(1, 2)[0] ?? text).toMatch(
      /^"'=HYPERLINK\(""http:\/\/evil\.test"",""Click, me""\)\nnext",formula@test\.lumen\.dev,/,
    );
  });

  it("is a 404 for a lesson of another course", async () => {
    const res = await get(exportUrl("video", `lessonId=${otherVideoId}`), cookies.owner);
    expect(res.status).toBe(404);
  });

  it("is a 400 with a clear message, and no SQL, for a bad query, table or course id", async () => {
    const bad = [
      exportUrl("overview", "from=2026-02-30&to=2026-03-01"),
      exportUrl("overview", "from=2026-03-01&to=2026-03-01%27%20or%201%3D1--"),
      exportUrl("learners", "sort=password"),
      exportUrl("learners", "inactiveDays=-1"),
      exportUrl("video", "lessonId=nope"),
      exportUrl("grades"),
      exportUrl("funnel", "", "not-a-course"),
    ];
    for (const url of bad) {
      const res = await get(url, cookies.owner);
      const body = await res.text();
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(body).not.toMatch(/select |from analytics|where |stack/i);
      expect(JSON.parse(body).error.message).toMatch(/date|sort|Invalid|lessonId|table|course/i);
    }
  });
});
