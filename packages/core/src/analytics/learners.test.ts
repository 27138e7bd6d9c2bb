import { createDatabase, type Database } from "@lumen/db";
import { appendLessons, createCourse, createRollupLearner, createUser } from "@lumen/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../kernel";
import { createTestWorld, type TestWorld } from "../testing";
import { learnersTableInput } from "./inputs";
import { listLearnersTable } from "./learners";

let world: TestWorld;
let instructor: SessionUser;
let courseId: string;
const NOW = new Date("2026-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

beforeAll(async () => {
  world = await createTestWorld();
  instructor = await createUser(world.db, "instructor");
  courseId = (await createCourse(world.db, instructor)).id;
  // Four required lessons and an optional one: percent = floor(100 × required done / 4).
  await appendLessons(world.db, courseId, instructor, [
    { kind: "text" },
    { kind: "text" },
    { kind: "text" },
    { kind: "text" },
    { kind: "text", isOptional: true },
  ]);
  const learner = (name: string, row: Parameters<typeof createRollupLearner>[2]) =>
    createRollupLearner(world.db, courseId, {
      name,
      email: `${name.toLowerCase()}@x.test`,
      ...row,
    });
  await learner("Ada", {
    enrolledAt: daysAgo(60),
    lastActiveAt: daysAgo(1),
    requiredCompleted: 4,
    lessonsCompleted: 5,
    quizAverage: 92.5,
    quizzesPassed: 2,
    certificateId: "6f0c1f5e-5c1b-4c59-9a4b-8f1b8f1b8f1b",
    certifiedAt: daysAgo(2),
  });
  // At risk: quiet for 20 days at 25 %.
  await learner("Bob", {
    enrolledAt: daysAgo(50),
    lastActiveAt: daysAgo(20),
    requiredCompleted: 1,
  });
  // Never active, enrolled 30 days ago: at risk by the enrollment date.
  await learner("Cy_d", { enrolledAt: daysAgo(30) });
  // Quiet, but past half the course: not at risk.
  await learner("Dee%", {
    enrolledAt: daysAgo(40),
    lastActiveAt: daysAgo(30),
    requiredCompleted: 3,
  });
  // Enrolled yesterday, never active: not yet at risk.
  await learner("Eve", { enrolledAt: daysAgo(1) });
  // Unenrolled and at risk by every measure: not in the table at all.
  await learner("Fay", { enrolledAt: daysAgo(90), unenrolledAt: daysAgo(10) });
});
afterAll(() => world.close());

const table = (input: Record<string, unknown> = {}) =>
  listLearnersTable({
    db: world.db,
    user: instructor,
    input: learnersTableInput.parse({ courseId, ...input }),
    now: NOW,
  });
const names = (t: Awaited<ReturnType<typeof table>>) => t.learners.map((l) => l.name);

/** `fn` on a connection of this database with sequential scans off (planner setting). */
async function withoutSeqScans<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const url = world.database.url;
  if (!url) {
    // PGlite: one connection, so the setting holds for the call and is reset after.
    await world.db.execute(sql`set enable_seqscan = off`);
    try {
      return await fn(world.db);
    } finally {
      await world.db.execute(sql`reset enable_seqscan`);
    }
  }
  const settings = new URL(url);
  settings.searchParams.set("options", "-c enable_seqscan=off");
  const client = createDatabase({ driver: "postgres", url: settings.toString() });
  try {
    return await fn(client.db);
  } finally {
    await client.close();
  }
}

describe("learners table", () => {
  it("lists active learners with percent of the required lessons now, grades and certificate", async () => {
    const result = await table({ sort: "name", direction: "asc" });
    expect(result).toMatchObject({ total: 5, atRiskTotal: 2, requiredLessons: 4, page: 1 });
    expect(names(result)).toEqual(["Ada", "Bob", "Cy_d", "Dee%", "Eve"]);
    expect(result.learners[0]).toMatchObject({
      email: "ada@x.test",
      percent: 100,
      lessonsCompleted: 5,
      lastActiveAt: daysAgo(1).toISOString(),
      quizAverage: 92.5,
      quizzesPassed: 2,
      certificate: {
        id: "6f0c1f5e-5c1b-4c59-9a4b-8f1b8f1b8f1b",
        issuedAt: daysAgo(2).toISOString(),
      },
      atRisk: false,
    });
    expect(result.learners.map((l) => [l.percent, l.atRisk])).toEqual([
      [100, false],
      [25, true],
      [0, true],
      [75, false],
      [0, false],
    ]);
  });

  it("sorts by the chosen column, empty values last either way", async () => {
    const sorted = async (sort: string, direction: string) =>
      names(await table({ sort, direction }));
    // Cy_d and Eve were never active: last both ways (between them, by enrollment id).
    const lastActiveDesc = await sorted("lastActive", "desc");
    expect(lastActiveDesc.slice(0, 3)).toEqual(["Ada", "Bob", "Dee%"]);
    expect(lastActiveDesc.slice(3).sort()).toEqual(["Cy_d", "Eve"]);
    const lastActiveAsc = await sorted("lastActive", "asc");
    expect(lastActiveAsc.slice(0, 3)).toEqual(["Dee%", "Bob", "Ada"]);
    expect(lastActiveAsc.slice(3).sort()).toEqual(["Cy_d", "Eve"]);
    expect((await sorted("progress", "desc")).slice(0, 3)).toEqual(["Ada", "Dee%", "Bob"]);
    expect((await sorted("certificate", "desc"))[0]).toBe("Ada");
    expect(await sorted("enrolled", "asc")).toEqual(["Ada", "Bob", "Dee%", "Cy_d", "Eve"]);
    expect(await sorted("name", "desc")).toEqual(["Eve", "Dee%", "Cy_d", "Bob", "Ada"]);
  });

  it("searches names and emails with % and _ matched literally", async () => {
    expect(names(await table({ query: "%" }))).toEqual(["Dee%"]);
    expect(names(await table({ query: "_" }))).toEqual(["Cy_d"]);
    expect(names(await table({ query: "BOB@X" }))).toEqual(["Bob"]);
    const searched = await table({ query: "ada" });
    expect(searched.total).toBe(1);
    // The banner's count is the course's, whatever the search.
    expect(searched.atRiskTotal).toBe(2);
  });

  it("filters to the learners at risk under the rule given", async () => {
    const risky = await table({ atRiskOnly: true, sort: "name", direction: "asc" });
    expect(names(risky)).toEqual(["Bob", "Cy_d"]);
    expect(risky.total).toBe(2);
    // Searched as well: the total is the search's among those at risk, the banner the course's.
    const searched = await table({ atRiskOnly: true, query: "bob" });
    expect([names(searched), searched.total, searched.atRiskTotal]).toEqual([["Bob"], 1, 2]);
    const stricter = await table({
      atRiskOnly: true,
      atRisk: { inactiveDays: 25, belowPercent: 80 },
      sort: "name",
      direction: "asc",
    });
    // Bob was active 20 days ago; Dee (75 %, quiet 30 days) now counts.
    expect(names(stricter)).toEqual(["Cy_d", "Dee%"]);
    expect(stricter.atRiskTotal).toBe(2);
  });

  it("is at risk only strictly under the percent: exactly half the course is not", async () => {
    const course = await createCourse(world.db, instructor);
    await appendLessons(world.db, course.id, instructor, [{ kind: "text" }, { kind: "text" }]);
    const quiet = { enrolledAt: daysAgo(60), lastActiveAt: daysAgo(30) };
    await createRollupLearner(world.db, course.id, { ...quiet, requiredCompleted: 1 });
    await createRollupLearner(world.db, course.id, { ...quiet, requiredCompleted: 0 });
    const result = await listLearnersTable({
      db: world.db,
      user: instructor,
      input: learnersTableInput.parse({ courseId: course.id, sort: "progress" }),
      now: NOW,
    });
    expect(result.learners.map((l) => [l.percent, l.atRisk])).toEqual([
      [50, false],
      [0, true],
    ]);
    expect(result.atRiskTotal).toBe(1);
  });

  it("pages with offsets over the sorted rows", async () => {
    const pages = [];
    for (const page of [1, 2, 3]) {
      pages.push(names(await table({ sort: "name", direction: "asc", page, pageSize: 2 })));
    }
    expect(pages).toEqual([["Ada", "Bob"], ["Cy_d", "Dee%"], ["Eve"]]);
  });

  it("searches through the trigram indexes with the same answers as reading every row", async () => {
    const queries = ["ada", "ADA@X.TEST", "%", "_", "e", "dee%", "x.test", "nobody"];
    // A table this small is read row by row; with sequential scans off, the planner must take
    // the trigram indexes (users_name_trgm_idx, users_email_trgm_idx) for the same search.
    const answers = async (db: Database) => {
      const out: string[][] = [];
      for (const query of queries) {
        const result = await listLearnersTable({
          db,
          user: instructor,
          input: learnersTableInput.parse({ courseId, query, sort: "name", direction: "asc" }),
          now: NOW,
        });
        out.push([String(result.total), ...names(result)]);
      }
      return out;
    };
    const scanned = await answers(world.db);
    const { indexed, plan } = await withoutSeqScans(async (db) => {
      const { rows } = await db.execute<{ "QUERY PLAN": string }>(
        sql`explain select id from users where name ilike '%ada%' or email ilike '%ada%'`,
      );
      return { indexed: await answers(db), plan: rows.map((r) => r["QUERY PLAN"]).join("\n") };
    });
    expect(plan).toContain("users_name_trgm_idx");
    expect(plan).toContain("users_email_trgm_idx");
    expect(indexed).toEqual(scanned);
    expect(scanned.slice(0, 4)).toEqual([
      ["1", "Ada"],
      ["1", "Ada"],
      ["1", "Dee%"],
      ["1", "Cy_d"],
    ]);
    expect(scanned.at(-1)).toEqual(["0"]);
  });
});
