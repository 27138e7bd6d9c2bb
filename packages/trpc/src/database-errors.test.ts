import { TOO_LONG_TEXT_MESSAGE, UNSTORABLE_TEXT_MESSAGE } from "@lumen/core/kernel";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { codeOf, errorOf } from "./testing/authoring";
import { createTestContext, type TestContext } from "./testing/harness";
import { createCallerFactory, publicProcedure, router } from "./trpc";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/**
 * Procedures that hand Postgres what the text() schemas would have refused: the mapping in
 * trpc.ts is the safety net for an input that forgot them. Real database errors, from PGlite
 * or (with TEST_DATABASE_URL) node-postgres.
 */
const statements = {
  nul: sql`select ${"a\u0000b"}::text`,
  nulInJson: sql`select ${JSON.stringify({ a: "\u0000" })}::jsonb`,
  loneSurrogateInJson: sql`select ${JSON.stringify({ a: "\ud800" })}::jsonb`,
  badUuid: sql`select ${"not-a-uuid"}::uuid`,
};
const testRouter = router({
  store: publicProcedure
    .input(z.object({ statement: z.enum(Object.keys(statements) as [keyof typeof statements]) }))
    .mutation(({ ctx, input }) => ctx.db.execute(statements[input.statement])),
  storeTooLong: publicProcedure.mutation(({ ctx }) =>
    ctx.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table short_text (v varchar(2)) on commit drop`);
      await tx.execute(sql`insert into short_text values (${"abc"})`);
    }),
  ),
});
const caller = () =>
  createCallerFactory(testRouter)({
    db: t.db,
    user: null,
    currentUser: async () => null,
    outbox: t.outbox,
    search: t.search,
    media: t.media,
    progress: t.progress,
  });

describe("text Postgres can't store", () => {
  it("is a 400 with a message people can act on, not a 500", async () => {
    for (const statement of ["nul", "nulInJson", "loneSurrogateInJson"] as const) {
      const error = await errorOf(caller().store({ statement }));
      expect([statement, error.code, error.message]).toEqual([
        statement,
        "BAD_REQUEST",
        UNSTORABLE_TEXT_MESSAGE,
      ]);
    }
    const tooLong = await errorOf(caller().storeTooLong());
    expect([tooLong.code, tooLong.message]).toEqual(["BAD_REQUEST", TOO_LONG_TEXT_MESSAGE]);
  });

  it("leaves every other database failure a 500", async () => {
    expect(await codeOf(caller().store({ statement: "badUuid" }))).toBe("INTERNAL_SERVER_ERROR");
  });
});
