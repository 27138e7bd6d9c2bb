import { apiKeys } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, createUser, type TestWorld } from "../testing";
import { authenticateApiKey, LAST_USED_RESOLUTION_MS } from "./authenticate";
import { createApiKey, revokeApiKey } from "./manage";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const T0 = new Date("2026-06-01T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const lastUsed = async (keyId: string) =>
  (await world.db.select().from(apiKeys).where(eq(apiKeys.id, keyId)))[0]?.lastUsedAt ?? null;

describe("authenticating an API key", () => {
  it("accepts a valid token as its owner with the key's scope", async () => {
    const user = await createUser(world.db, "instructor");
    const { key, token } = await createApiKey({
      db: world.db,
      user,
      input: { name: "LMS", scope: "write", expiresInDays: null },
    });
    expect(await authenticateApiKey({ db: world.db, token })).toEqual({
      keyId: key.id,
      scope: "write",
      expiresAt: null,
      user,
    });
  });

  it("refuses malformed and unknown tokens", async () => {
    const user = await createUser(world.db);
    const { token } = await createApiKey({
      db: world.db,
      user,
      input: { name: "x", scope: "read", expiresInDays: 30 },
    });
    const unknown = `lmn_${"A".repeat(43)}`;
    const malformed = [
      "",
      "Bearer x",
      token.slice(0, -1),
      `${token}x`,
      token.replace("lmn_", "sk_"),
    ];
    for (const t of [unknown, ...malformed]) {
      expect(await authenticateApiKey({ db: world.db, token: t })).toBeNull();
    }
  });

  it("refuses a revoked key", async () => {
    const user = await createUser(world.db);
    const { key, token } = await createApiKey({
      db: world.db,
      user,
      input: { name: "x", scope: "read", expiresInDays: 30 },
    });
    await revokeApiKey({ db: world.db, user, input: { keyId: key.id } });
    expect(await authenticateApiKey({ db: world.db, token })).toBeNull();
  });

  it("works until the instant it expires, and not at or after it", async () => {
    const user = await createUser(world.db);
    const { key, token } = await createApiKey({
      db: world.db,
      user,
      input: { name: "x", scope: "read", expiresInDays: 1 },
      now: T0,
    });
    const expiry = key.expiresAt?.getTime() ?? 0;
    expect(expiry).toBe(at(24 * 3600 * 1000).getTime());
    const just = await authenticateApiKey({ db: world.db, token, now: new Date(expiry - 1) });
    expect(just?.keyId).toBe(key.id);
    expect(await authenticateApiKey({ db: world.db, token, now: new Date(expiry) })).toBeNull();
    expect(await authenticateApiKey({ db: world.db, token, now: new Date(expiry + 1) })).toBeNull();
  });

  it("records the last use at most once per minute", async () => {
    const user = await createUser(world.db);
    const { key, token } = await createApiKey({
      db: world.db,
      user,
      input: { name: "x", scope: "read", expiresInDays: null },
      now: T0,
    });
    expect(await lastUsed(key.id)).toBeNull();
    await authenticateApiKey({ db: world.db, token, now: at(1_000) });
    expect(await lastUsed(key.id)).toEqual(at(1_000));
    // Within the minute: no write.
    await authenticateApiKey({ db: world.db, token, now: at(1_000 + LAST_USED_RESOLUTION_MS - 1) });
    expect(await lastUsed(key.id)).toEqual(at(1_000));
    // A minute later: written again.
    await authenticateApiKey({ db: world.db, token, now: at(2_000 + LAST_USED_RESOLUTION_MS) });
    expect(await lastUsed(key.id)).toEqual(at(2_000 + LAST_USED_RESOLUTION_MS));
  });
});
