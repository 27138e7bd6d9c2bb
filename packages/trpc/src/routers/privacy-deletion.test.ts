import { createSession, createUser } from "@lumen/core/testing";
import type { UserRole } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

// The API checks the password with better-auth (apps/api's tests); here, one right answer.
const checkPassword = async (password: string) => password === "correct horse";
const ROLES: readonly UserRole[] = ["learner", "instructor", "admin"];

describe("account deletion procedures", () => {
  it("refuses anonymous callers on every procedure", async () => {
    const anonymous = t.callerFor(null, { checkPassword });
    expect(await codeOf(anonymous.privacy.deletion())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.privacy.requestDeletion({ password: "x" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.privacy.cancelDeletion())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.privacy.retirements())).toBe("UNAUTHORIZED");
  });

  it.each(ROLES)("lets a %s request and cancel their own deletion only", async (role) => {
    const me = await createUser(t.db, role);
    const other = await createUser(t.db, role);
    const caller = t.callerFor(me, { checkPassword });
    const requested = await caller.privacy.requestDeletion({ password: "correct horse" });
    expect(requested.state).toBe("pending");
    expect(await caller.privacy.deletion()).toMatchObject({ id: requested.id, state: "pending" });
    expect(await t.callerFor(other).privacy.deletion()).toBeNull();
    expect(await codeOf(t.callerFor(other).privacy.cancelDeletion())).toBe("CONFLICT");
    expect(await caller.privacy.cancelDeletion()).toMatchObject({ state: "cancelled" });
  });

  it("a wrong or missing password is a 400 that changes nothing", async () => {
    const me = await createUser(t.db);
    await createSession(t.db, me);
    const caller = t.callerFor(me, { checkPassword });
    expect(await codeOf(caller.privacy.requestDeletion({ password: "wrong" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.privacy.requestDeletion({ password: "" }))).toBe("BAD_REQUEST");
    expect(await caller.privacy.deletion()).toBeNull();
  });

  it("refuses when no password check is available", async () => {
    const caller = t.callerFor(await createUser(t.db));
    expect(await codeOf(caller.privacy.requestDeletion({ password: "correct horse" }))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("answers CONFLICT to a second request while one is pending", async () => {
    const caller = t.callerFor(await createUser(t.db), { checkPassword });
    await caller.privacy.requestDeletion({ password: "correct horse" });
    expect(await codeOf(caller.privacy.requestDeletion({ password: "correct horse" }))).toBe(
      "CONFLICT",
    );
  });

  it.each(["learner", "instructor"] as const)(
    "refuses the retirements list to a %s",
    async (role) => {
      expect(await codeOf(t.callerFor(await createUser(t.db, role)).privacy.retirements())).toBe(
        "FORBIDDEN",
      );
    },
  );

  it("shows admins every retirement's state and nobody's identity", async () => {
    const learner = await createUser(t.db, "learner", { name: "Private Person" });
    await t
      .callerFor(learner, { checkPassword })
      .privacy.requestDeletion({ password: "correct horse" });
    const list = await t.callerFor(await createUser(t.db, "admin")).privacy.retirements();
    expect(list.length).toBeGreaterThan(0);
    const text = JSON.stringify(list);
    expect(text).not.toContain(learner.id);
    expect(text).not.toContain(learner.email);
    expect(text).not.toContain("Private Person");
  });
});
