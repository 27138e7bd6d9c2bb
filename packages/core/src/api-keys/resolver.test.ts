import { apiKeys } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveHub, type LiveHub, publishLive } from "../live";
import { createTestWorld, createUser, type TestWorld } from "../testing";
import { createApiKey, revokeApiKey } from "./manage";
import { API_KEY_MEMO_MS, createApiKeyResolver } from "./resolver";
import { API_KEYS_TOPIC } from "./revocations";

let world: TestWorld;
let hub: LiveHub;
beforeAll(async () => {
  world = await createTestWorld();
  hub = createLiveHub(world.database.connection);
  await hub.ready;
});
afterAll(async () => {
  await hub.close();
  await world.close();
});

async function newKey(expiresInDays: number | null = null) {
  const user = await createUser(world.db, "learner");
  const { key, token } = await createApiKey({
    db: world.db,
    user,
    input: { name: "Integration", scope: "write", expiresInDays },
  });
  return { user, keyId: key.id, token };
}

/** Revoked in the database only: no process is told (what the memo's lifetime bounds). */
const revokeSilently = (keyId: string) =>
  world.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));

describe("resolving API keys with a memo that revocations reach", () => {
  it("without a live hub reads the database every time", async () => {
    const resolver = createApiKeyResolver({ db: world.db });
    const { keyId, token } = await newKey();
    expect((await resolver.resolve(token))?.keyId).toBe(keyId);
    await revokeSilently(keyId);
    expect(await resolver.resolve(token)).toBeNull();
  });

  it("with a hub, serves a checked key from memory until the memo's lifetime ends", async () => {
    let now = Date.now();
    const resolver = createApiKeyResolver({ db: world.db, live: hub, now: () => now });
    try {
      const { keyId, token } = await newKey();
      expect((await resolver.resolve(token))?.keyId).toBe(keyId);
      await revokeSilently(keyId);
      expect((await resolver.resolve(token))?.keyId).toBe(keyId);
      now += API_KEY_MEMO_MS + 1;
      expect(await resolver.resolve(token)).toBeNull();
    } finally {
      resolver.close();
    }
  });

  it("forgets a key revoked in this process at once", async () => {
    const resolver = createApiKeyResolver({ db: world.db, live: hub });
    try {
      const { user, keyId, token } = await newKey();
      expect((await resolver.resolve(token))?.keyId).toBe(keyId);
      await revokeApiKey({ db: world.db, user, input: { keyId } });
      expect(await resolver.resolve(token)).toBeNull();
    } finally {
      resolver.close();
    }
  });

  it("forgets a key another process revoked as soon as its notification arrives", async () => {
    const resolver = createApiKeyResolver({ db: world.db, live: hub });
    try {
      const { keyId, token } = await newKey();
      expect((await resolver.resolve(token))?.keyId).toBe(keyId);
      // What another process's revokeApiKey commits: the row, and the notification.
      await world.db.transaction(async (tx) => {
        await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
        await publishLive(tx, API_KEYS_TOPIC, { type: "api-key.revoked", id: keyId });
      });
      await expect.poll(() => resolver.resolve(token), { timeout: 5_000 }).toBeNull();
    } finally {
      resolver.close();
    }
  });

  it("never serves a key from memory past its expiry", async () => {
    let now = Date.now();
    const resolver = createApiKeyResolver({ db: world.db, live: hub, now: () => now });
    try {
      const { keyId, token } = await newKey(1);
      expect((await resolver.resolve(token))?.keyId).toBe(keyId);
      await world.db
        .update(apiKeys)
        .set({ expiresAt: new Date(now + API_KEY_MEMO_MS + 2_000) })
        .where(eq(apiKeys.id, keyId));
      // The memo holds the expiry it read (a day away): a fresh read learns the new one, 2 s on,
      // and keeps the key only until then, though the memo's lifetime is longer.
      now += API_KEY_MEMO_MS + 1;
      expect((await resolver.resolve(token))?.keyId).toBe(keyId);
      now += 2_000;
      expect(await resolver.resolve(token)).toBeNull();
    } finally {
      resolver.close();
    }
  });
});
