import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, createUser, type TestWorld } from "../testing";
import { expireDataExports } from "./expire";
import { listExports, requestExport } from "./request";
import { runExport } from "./run";

// An export's life: one pending at a time, retries, failure, expiry.
let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const logger = { error: () => {} };

describe("requesting exports", () => {
  it("allows one pending export at a time", async () => {
    const user = await createUser(world.db);
    await requestExport({ db: world.db, user, outbox: world.outbox });
    await expect(requestExport({ db: world.db, user, outbox: world.outbox })).rejects.toThrow(
      "already being prepared",
    );
    expect(await listExports({ db: world.db, user })).toHaveLength(1);
  });

  it("running a finished export again changes nothing", async () => {
    const user = await createUser(world.db);
    const { id } = await requestExport({ db: world.db, user, outbox: world.outbox });
    await runExport({ db: world.db, store: world.mediaStore, exportId: id, logger });
    await expect(
      runExport({ db: world.db, store: world.mediaStore, exportId: id, logger }),
    ).resolves.toBe("skipped");
  });
});

describe("an export that cannot be stored", () => {
  const failingStore = () => {
    const store = Object.create(world.mediaStore) as typeof world.mediaStore;
    store.putFile = () => Promise.reject(new Error("storage is down (stand-in for R2)"));
    return store;
  };

  it("is retried while attempts remain, then marked failed with a message for the user", async () => {
    const user = await createUser(world.db);
    const { id } = await requestExport({ db: world.db, user, outbox: world.outbox });
    const store = failingStore();
    await expect(
      runExport({ db: world.db, store, exportId: id, logger, finalAttempt: false }),
    ).rejects.toThrow("storage is down");
    expect((await listExports({ db: world.db, user }))[0]?.status).toBe("running");
    await expect(runExport({ db: world.db, store, exportId: id, logger })).resolves.toBe("failed");
    const [failed] = await listExports({ db: world.db, user });
    expect(failed).toMatchObject({ status: "failed", downloadPath: null });
    expect(failed?.error).toContain("request a new one");
    // The user may ask again at once.
    await expect(requestExport({ db: world.db, user, outbox: world.outbox })).resolves.toBeTruthy();
  });
});

describe("expiring exports", () => {
  it("deletes an archive past its 7 days and marks the export expired; a fresh one stays", async () => {
    const user = await createUser(world.db);
    const { id } = await requestExport({ db: world.db, user, outbox: world.outbox });
    await runExport({ db: world.db, store: world.mediaStore, exportId: id, logger });
    const key = `exports/${id}.zip`;
    expect(await expireDataExports({ db: world.db, store: world.mediaStore })).toBe(0);
    expect(world.mediaStore.objects.has(key)).toBe(true);

    const later = new Date(Date.now() + 8 * 864e5);
    await expireDataExports({ db: world.db, store: world.mediaStore, now: later });
    expect(world.mediaStore.objects.has(key)).toBe(false);
    expect((await listExports({ db: world.db, user }))[0]?.status).toBe("expired");
  });
});
