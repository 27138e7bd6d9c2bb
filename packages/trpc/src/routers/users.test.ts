import type { SessionUser } from "@lumen/core/kernel";
import { createSession, createUser } from "@lumen/core/testing";
import { sessions, users } from "@lumen/db";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let admin: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  admin = await createUser(t.db, "admin");
});
afterAll(() => t.close());

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  throw new Error("expected the call to fail");
}
const roleOf = async (id: string) =>
  (await t.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]?.role;
const sessionCount = async (id: string) =>
  (await t.db.select().from(sessions).where(eq(sessions.userId, id))).length;

describe("users.changeRole", () => {
  it("an admin promotes a learner, and every session of the learner is revoked", async () => {
    const learner = await createUser(t.db, "learner");
    await createSession(t.db, learner);
    await createSession(t.db, learner);
    const result = await t
      .callerFor(admin)
      .users.changeRole({ userId: learner.id, role: "instructor" });
    expect(result).toEqual({ userId: learner.id, role: "instructor", sessionsRevoked: 2 });
    expect(await roleOf(learner.id)).toBe("instructor");
    expect(await sessionCount(learner.id)).toBe(0);
  });

  it("instructors and learners may not change roles; nothing changes", async () => {
    const instructor = await createUser(t.db, "instructor");
    const learner = await createUser(t.db, "learner");
    await createSession(t.db, learner);
    for (const caller of [instructor, learner]) {
      const call = t.callerFor(caller).users.changeRole({ userId: learner.id, role: "admin" });
      expect(await codeOf(call)).toBe("FORBIDDEN");
    }
    expect(await roleOf(learner.id)).toBe("learner");
    expect(await sessionCount(learner.id)).toBe(1);
  });

  it("an admin demoted in the database loses the procedure on the next call", async () => {
    const former = await createUser(t.db, "admin");
    const target = await createUser(t.db, "learner");
    await t.db.update(users).set({ role: "learner" }).where(eq(users.id, former.id));
    // The caller still says "admin" (a cached session); the database decides.
    const call = t.callerFor(former).users.changeRole({ userId: target.id, role: "admin" });
    expect(await codeOf(call)).toBe("FORBIDDEN");
    expect(await roleOf(target.id)).toBe("learner");
  });

  it("refuses unknown users, unknown roles and the admin's own role", async () => {
    const caller = t.callerFor(admin);
    expect(await codeOf(caller.users.changeRole({ userId: "nobody", role: "learner" }))).toBe(
      "NOT_FOUND",
    );
    // A client not built from our types can send anything; the input schema refuses it.
    const badRole = caller.users.changeRole({ userId: admin.id, role: "root" as "admin" });
    expect(await codeOf(badRole)).toBe("BAD_REQUEST");
    expect(await codeOf(caller.users.changeRole({ userId: admin.id, role: "learner" }))).toBe(
      "CONFLICT",
    );
    expect(await roleOf(admin.id)).toBe("admin");
  });
});
