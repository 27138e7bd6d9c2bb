import { createUser } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("privacy router", () => {
  it("refuses anonymous callers on every procedure", async () => {
    const anonymous = t.callerFor(null);
    expect(await codeOf(anonymous.privacy.exports())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.privacy.requestExport())).toBe("UNAUTHORIZED");
  });

  it.each(["learner", "instructor", "admin"] as const)(
    "lets a signed-in %s request an export and see only their own",
    async (role) => {
      const me = await createUser(t.db, role);
      const other = await createUser(t.db, role);
      const requested = await t.callerFor(me).privacy.requestExport();
      expect(requested).toMatchObject({ status: "requested", downloadPath: null });
      expect((await t.callerFor(me).privacy.exports()).map((e) => e.id)).toEqual([requested.id]);
      expect(await t.callerFor(other).privacy.exports()).toEqual([]);
    },
  );

  it("answers CONFLICT to a second request while one is pending", async () => {
    const caller = t.callerFor(await createUser(t.db));
    await caller.privacy.requestExport();
    expect(await codeOf(caller.privacy.requestExport())).toBe("CONFLICT");
    expect(await caller.privacy.exports()).toHaveLength(1);
  });
});
