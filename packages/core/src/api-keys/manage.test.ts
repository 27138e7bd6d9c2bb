import { apiKeys } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../kernel";
import { createTestWorld, createUser, type TestWorld } from "../testing";
import { authenticateApiKey } from "./authenticate";
import { createApiKeyInput } from "./inputs";
import { createApiKey, listApiKeys, MAX_ACTIVE_API_KEYS, revokeApiKey } from "./manage";
import type { CreatedApiKey } from "./types";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const readKey = { name: "Reporting", scope: "read" as const, expiresInDays: 30 };

describe("creating and listing API keys", () => {
  it("answers the token once; the list shows the key without the token or its hash", async () => {
    const user = await createUser(world.db);
    const created = await createApiKey({ db: world.db, user, input: readKey });
    expect(created.token).toMatch(/^lmn_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.key.prefix)).toBe(true);
    expect(created.key).toMatchObject({ name: "Reporting", scope: "read", status: "active" });
    const listed = await listApiKeys({ db: world.db, user });
    expect(listed.map((k) => k.id)).toEqual([created.key.id]);
    const [stored] = await world.db.select().from(apiKeys).where(eq(apiKeys.id, created.key.id));
    const text = JSON.stringify(listed);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(created.token.slice(created.key.prefix.length));
    expect(text).not.toContain(stored?.secretHash);
    expect(Object.keys(listed[0] ?? {})).not.toContain("secretHash");
  });

  it("expires after the chosen days, or never", async () => {
    const user = await createUser(world.db);
    const now = new Date("2026-03-01T00:00:00Z");
    const month = await createApiKey({ db: world.db, user, input: readKey, now });
    expect(month.key.expiresAt?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
    const never = await createApiKey({
      db: world.db,
      user,
      input: { ...readKey, expiresInDays: null },
      now,
    });
    expect(never.key.expiresAt).toBeNull();
  });

  it("lists only the caller's keys, newest first, with their status", async () => {
    const user = await createUser(world.db);
    const other = await createUser(world.db);
    const t0 = new Date("2026-01-01T00:00:00Z");
    const old = await createApiKey({ db: world.db, user, input: readKey, now: t0 });
    const newer = await createApiKey({
      db: world.db,
      user,
      input: { ...readKey, name: "CI", scope: "write", expiresInDays: null },
      now: new Date("2026-01-02T00:00:00Z"),
    });
    await createApiKey({ db: world.db, user: other, input: readKey });
    const later = new Date("2026-02-15T00:00:00Z");
    const listed = await listApiKeys({ db: world.db, user, now: later });
    expect(listed.map((k) => [k.id, k.status])).toEqual([
      [newer.key.id, "active"],
      [old.key.id, "expired"],
    ]);
  });

  it("refuses a blank name, an unknown scope and an out-of-range expiry at the boundary", () => {
    const bad = [
      { ...readKey, name: "   " },
      { ...readKey, scope: "admin" },
      { ...readKey, expiresInDays: 0 },
      { ...readKey, expiresInDays: 400 },
    ];
    for (const input of bad) expect(createApiKeyInput.safeParse(input).success).toBe(false);
  });

  it(`caps a user at ${MAX_ACTIVE_API_KEYS} active keys; revoking one makes room`, async () => {
    const user = await createUser(world.db);
    const created = await Promise.all(
      Array.from({ length: MAX_ACTIVE_API_KEYS + 3 }, () =>
        createApiKey({ db: world.db, user, input: readKey }).catch((e: unknown) => e),
      ),
    );
    const refused = created.filter((r): r is ValidationError => r instanceof ValidationError);
    expect(refused).toHaveLength(3);
    expect(refused[0]?.message).toMatch(/25 active API keys; revoke one/);
    expect(await listApiKeys({ db: world.db, user })).toHaveLength(MAX_ACTIVE_API_KEYS);
    const first = created.find((r): r is CreatedApiKey => !(r instanceof Error));
    await revokeApiKey({ db: world.db, user, input: { keyId: first?.key.id ?? "" } });
    await expect(createApiKey({ db: world.db, user, input: readKey })).resolves.toBeTruthy();
  });

  it("expired keys do not count toward the cap", async () => {
    const user = await createUser(world.db);
    const past = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    for (let i = 0; i < MAX_ACTIVE_API_KEYS; i++) {
      await createApiKey({ db: world.db, user, input: readKey, now: past });
    }
    await expect(createApiKey({ db: world.db, user, input: readKey })).resolves.toBeTruthy();
  });
});

describe("revoking API keys", () => {
  it("stops the token working; revoking again keeps the first revocation time", async () => {
    const user = await createUser(world.db);
    const { key, token } = await createApiKey({ db: world.db, user, input: readKey });
    const first = await revokeApiKey({
      db: world.db,
      user,
      input: { keyId: key.id },
      now: new Date("2026-05-01T00:00:00Z"),
    });
    expect(first.status).toBe("revoked");
    const again = await revokeApiKey({ db: world.db, user, input: { keyId: key.id } });
    expect(again.revokedAt?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(await authenticateApiKey({ db: world.db, token })).toBeNull();
  });

  it("is NotFound for another user's key, which keeps working", async () => {
    const owner = await createUser(world.db);
    const intruder = await createUser(world.db);
    const { key, token } = await createApiKey({ db: world.db, user: owner, input: readKey });
    await expect(
      revokeApiKey({ db: world.db, user: intruder, input: { keyId: key.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      revokeApiKey({
        db: world.db,
        user: intruder,
        input: { keyId: "00000000-0000-4000-8000-000000000000" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await authenticateApiKey({ db: world.db, token }))?.keyId).toBe(key.id);
  });
});
