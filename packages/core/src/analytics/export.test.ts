import { analyticsExports } from "@lumen/db";
import {
  appendLessons,
  createCourse,
  createCourseDays,
  createRollupLearner,
  createRollupLearners,
  createUser,
} from "@lumen/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SessionUser, ValidationError } from "../kernel";
import { createTestWorld, type TestWorld } from "../testing";
import { csvCell, csvChunks, csvLine } from "./csv";
import { openAnalyticsExport } from "./export";

let world: TestWorld;
let instructor: SessionUser;
let courseId: string;
let slug: string;
const LEARNERS = 12_000;

beforeAll(async () => {
  world = await createTestWorld();
  instructor = await createUser(world.db, "instructor");
  const course = await createCourse(world.db, instructor);
  courseId = course.id;
  slug = course.slug;
  await appendLessons(world.db, courseId, instructor, [
    { kind: "text" },
    { kind: "text" },
    { kind: "text" },
    { kind: "text" },
  ]);
  await createRollupLearners(world.db, courseId, LEARNERS);
});
afterAll(() => world.close());

const open = (table: string, query: Record<string, string> = {}, pageSize?: number) =>
  openAnalyticsExport({ db: world.db, user: instructor, courseId, table, query, pageSize });

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const audits = () =>
  world.db.select().from(analyticsExports).where(eq(analyticsExports.courseId, courseId));

describe("CSV cells", () => {
  it("quotes quotes, commas and line breaks, and defuses formulas", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(["+1", "-2", "@SUM(A1)", "\tTab"].map(csvCell)).toEqual([
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tTab",
    ]);
    expect([-0.25, 3, true, null, "plain"].map(csvCell)).toEqual([
      "-0.25",
      "3",
      "true",
      "",
      "plain",
    ]);
    expect(csvLine(["a", null, 1])).toBe("a,,1\r\n");
  });
});

describe("learners export", () => {
  it("streams every matching learner through the cursor, page after page, and audits the count", async () => {
    const exported = await open("learners", { sort: "name", direction: "asc" }, 5_000);
    expect(exported.filename).toBe(`${slug}-learners.csv`);
    expect(exported.columns[0]).toBe("name");
    // Opened, not yet read: the audit row is there without a count.
    expect((await audits()).map((a) => [a.userId, a.table, a.rows])).toEqual([
      [instructor.id, "learners", null],
    ]);
    const rows = await all(exported.rows);
    expect(rows).toHaveLength(LEARNERS);
    expect(rows[0]?.slice(0, 5)).toEqual([
      "Learner 000001",
      expect.stringMatching(/-1@test\.lumen\.dev$/),
      "2026-01-01T00:00:01Z",
      25,
      1,
    ]);
    expect(rows.at(-1)?.[0]).toBe("Learner 012000");
    expect(new Set(rows.map((r) => r[1])).size).toBe(LEARNERS);
    expect((await audits()).map((a) => a.rows)).toEqual([LEARNERS]);
  });

  it("applies the table's filters: search and at risk", async () => {
    const searched = await all((await open("learners", { query: "Learner 00001" })).rows);
    // Learner 000010 … 000019.
    expect(searched).toHaveLength(10);
    const risky = await all(
      (await open("learners", { atRiskOnly: "true", inactiveDays: "1", belowPercent: "50" })).rows,
    );
    // Never active since January, under 50 % (0 or 1 of 4 lessons): i % 5 ∈ {0, 1}.
    expect(risky).toHaveLength((2 * LEARNERS) / 5);
    expect(risky.every((r) => r.at(-1) === true)).toBe(true);
  });

  it("stops reading when the consumer stops: the cursor's transaction ends, the database is free", async () => {
    const exported = await open("learners", {}, 100);
    const first = await exported.rows.next();
    expect(first.done).toBe(false);
    await exported.rows.return(undefined);
    // Were the transaction still open, this would wait on PGlite and fail nothing on Postgres;
    // either way a new export must run to its end.
    expect(await all((await open("learners", { query: "Learner 000001" })).rows)).toHaveLength(1);
  });

  it("writes text chunks: a header line, then CRLF lines", async () => {
    const exported = await open("learners", { query: "Learner 000002" });
    const text = (await all(csvChunks(exported.columns, exported.rows))).join("");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "name,email,enrolled_at,percent,lessons_completed,last_active_at,quiz_average,quizzes_passed,certificate_id,certified_at,at_risk",
    );
    expect(lines[1]).toMatch(
      /^Learner 000002,.*-2@test\.lumen\.dev,2026-01-01T00:00:02Z,50,2,,,0,,,false$/,
    );
    expect(lines).toHaveLength(3);
  });
});

describe("other tables and bad queries", () => {
  it("exports the overview's zero-filled series", async () => {
    await createCourseDays(world.db, courseId, [{ day: "2026-02-02", enrolled: 3, active: 2 }]);
    const exported = await open("overview", { from: "2026-02-01", to: "2026-02-03" });
    expect(exported.columns).toEqual([
      "period",
      "enrolled",
      "unenrolled",
      "active",
      "completed",
      "certified",
    ]);
    expect(await all(exported.rows)).toEqual([
      ["2026-02-01", 0, 0, 0, 0, 0],
      ["2026-02-02", 3, 0, 2, 0, 0],
      ["2026-02-03", 0, 0, 0, 0, 0],
    ]);
  });

  it("defuses a learner's name that is a formula", async () => {
    await createRollupLearner(world.db, courseId, { name: '=cmd|"/c calc"!A1', email: "f@x.test" });
    const exported = await open("learners", { query: "f@x.test" });
    const text = (await all(csvChunks(exported.columns, exported.rows))).join("");
    expect(text.split("\r\n")[1]?.startsWith(`"'=cmd|""/c calc""!A1",f@x.test,`)).toBe(true);
  });

  it("refuses an unknown table and a bad query with a ValidationError that names the problem", async () => {
    const refusal = async (table: string, query: Record<string, string>) => {
      const error = await open(table, query).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).message;
    };
    expect(await refusal("grades", {})).toMatch(/table must be one of overview, funnel/);
    expect(await refusal("overview", { from: "2026-02-30", to: "2026-03-01" })).toMatch(
      /start date must be a real date/,
    );
    expect(await refusal("learners", { sort: "password" })).toMatch(/query is not valid/);
    expect(await refusal("learners", { inactiveDays: "0" })).not.toMatch(/select|from|where/i);
    expect(await refusal("video", {})).toMatch(/lessonId/);
  });
});
