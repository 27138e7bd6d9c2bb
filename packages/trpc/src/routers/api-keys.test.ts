import { createUser } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const readKey = { name: "Dashboard", scope: "read" as const, expiresInDays: 90 };

describe("apiKeys router", () => {
  it("creates a key, answers its token once, lists it without the token and revokes it", async () => {
    const me = await createUser(t.db);
    const caller = t.callerFor(me);
    const { key, token } = await caller.apiKeys.create(readKey);
    expect(token).toMatch(/^lmn_/);
    const listed = await caller.apiKeys.list();
    expect(listed).toEqual([expect.objectContaining({ id: key.id, status: "active" })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    const revoked = await caller.apiKeys.revoke({ keyId: key.id });
    expect(revoked.status).toBe("revoked");
    // Idempotent for the owner.
    expect((await caller.apiKeys.revoke({ keyId: key.id })).status).toBe("revoked");
    expect((await caller.apiKeys.list())[0]?.status).toBe("revoked");
  });

  it("refuses anonymous callers on every procedure", async () => {
    const anonymous = t.callerFor(null);
    expect(await codeOf(anonymous.apiKeys.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.apiKeys.create(readKey))).toBe("UNAUTHORIZED");
    expect(
      await codeOf(anonymous.apiKeys.revoke({ keyId: "00000000-0000-4000-8000-000000000000" })),
    ).toBe("UNAUTHORIZED");
  });

  it("one user neither sees nor revokes another's keys", async () => {
    const owner = await createUser(t.db);
    const other = await createUser(t.db, "admin");
    const { key } = await t.callerFor(owner).apiKeys.create(readKey);
    expect(await t.callerFor(other).apiKeys.list()).toEqual([]);
    expect(await codeOf(t.callerFor(other).apiKeys.revoke({ keyId: key.id }))).toBe("NOT_FOUND");
    expect((await t.callerFor(owner).apiKeys.list())[0]?.status).toBe("active");
  });

  it("refuses bad input as BAD_REQUEST", async () => {
    const caller = t.callerFor(await createUser(t.db));
    const bad: unknown[] = [
      { ...readKey, name: "" },
      { ...readKey, scope: "admin" },
      { ...readKey, expiresInDays: 0 },
      { name: "x", scope: "read" },
    ];
    for (const input of bad) {
      expect(
        await codeOf(caller.apiKeys.create(input as Parameters<typeof caller.apiKeys.create>[0])),
      ).toBe("BAD_REQUEST");
    }
    expect(await codeOf(caller.apiKeys.revoke({ keyId: "not-an-id" }))).toBe("BAD_REQUEST");
    expect(await caller.apiKeys.list()).toEqual([]);
  });
});
