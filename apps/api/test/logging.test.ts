import { databaseFailureOf } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger } from "../src/logger";
import {
  createTestApp,
  json,
  signUpInstructor,
  type TestApp,
  trpcData,
  WEB_ORIGIN,
} from "./harness";

const SECRET = "sk_live_9f3b1c7d-must-never-be-logged";

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await signUpInstructor(t, "logs@test.lumen.dev"));
  // Forced failures: this test file's own database refuses the secret-looking values with a
  // check constraint, a failure no mapping turns into a 4xx, so it is logged as a 500.
  await t.database.db.execute(
    sql`alter table courses add constraint no_secret_title check (title not like 'sk_live%')`,
  );
  await t.database.db.execute(
    sql`alter table lesson_documents add constraint no_secret_name
        check (filename not like 'sk_live%')`,
  );
});
afterAll(() => t.database.close());

const trpc = (path: string, input: unknown) =>
  t.app.request(`/trpc/${path}`, json(input, { cookie }));
const course = { category: "Design", level: "beginner", language: "en" };

/** The one log entry with this message; its `err` as logged. */
function entry(msg: string) {
  const found = t.logs.filter((line) => line.msg === msg);
  expect(found).toHaveLength(1);
  return z.object({ err: z.record(z.string(), z.unknown()) }).parse(found[0]).err;
}

describe("the log of a failed statement", () => {
  it("a procedure's 500 logs SQLSTATE, table, constraint and query text, not the values", async () => {
    const res = await trpc("authoring.createCourse", { ...course, title: `${SECRET} course` });
    expect(res.status).toBe(500);
    const err = entry("procedure failed");
    expect(err).toMatchObject({
      message: "database statement failed",
      database: { code: "23514", table: "courses", constraint: "no_secret_title" },
    });
    expect(JSON.stringify(err)).toMatch(/insert into \\"courses\\"/);
    expect(JSON.stringify(t.logs)).not.toContain("sk_live");
  });

  it("an HTTP route's 500 (app.onError) logs the same way", async () => {
    const created = await trpc("authoring.createCourse", { ...course, title: "Handouts" });
    const { id: courseId } = await trpcData(created, z.object({ id: z.string() }));
    const { moduleId } = await trpcData(
      await trpc("authoring.addModule", { courseId, title: "Week 1" }),
      z.object({ moduleId: z.string() }),
    );
    const { lessonId } = await trpcData(
      await trpc("authoring.addLesson", { moduleId, title: "Reading", kind: "pdf" }),
      z.object({ lessonId: z.string() }),
    );
    const res = await t.app.request(`/api/lessons/${lessonId}/document?filename=${SECRET}.pdf`, {
      method: "PUT",
      headers: { cookie, origin: WEB_ORIGIN, "content-type": "application/pdf" },
      body: new TextEncoder().encode("%PDF-1.4\n%%EOF\n"),
    });
    expect(res.status).toBe(500);
    expect(entry("unhandled error")).toMatchObject({
      database: { code: "23514", table: "lesson_documents", constraint: "no_secret_name" },
    });
    expect(JSON.stringify(t.logs)).not.toContain("sk_live");
  });

  it("errors wrapping one, or passed in an array (better-auth, job runner), keep no values", async () => {
    const failed = await t.database.db
      .execute(sql`select ${SECRET}::text, ${"a\u0000b"}::text`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(databaseFailureOf(failed)?.code).toBe("22021");
    const wrapped = new Error(`issuing failed: ${(failed as Error).message}`, { cause: failed });
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    logger.error("job failed", { err: wrapped });
    logger.error("auth: query failed", { details: [failed, { nested: failed }] });
    const logged = lines.join("\n");
    expect(logged).not.toContain("sk_live");
    expect(logged).toContain("issuing failed: Failed query: select $1::text, $2::text");
    expect(logged.match(/"code":"22021"/g)).toHaveLength(3);
  });
});
