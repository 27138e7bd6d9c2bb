import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, createUser, type TestWorld } from "../testing";
import { listConsents, recordConsent, withdrawConsent } from "./consents";
import { requestExport } from "./request";
import { requestAccountDeletion } from "./retire/request";
import { runRetirement } from "./retire/run";
import { runExport } from "./run";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const at = (iso: string) => new Date(iso);
const logger = { error: () => {} };

describe("consents", () => {
  it("records a consent once per purpose and policy version", async () => {
    const user = await createUser(world.db, "learner");
    const input = { purpose: "product_updates", policyVersion: "2030-01" };
    const first = await recordConsent({ db: world.db, user, input, now: at("2030-01-02T00:00Z") });
    const again = await recordConsent({ db: world.db, user, input, now: at("2030-01-03T00:00Z") });
    expect(again).toEqual(first);
    expect(await listConsents({ db: world.db, user })).toEqual([first]);
  });

  it("a new policy version closes the old consent and opens another; the history stays", async () => {
    const user = await createUser(world.db, "learner");
    const purpose = "product_updates";
    const { db } = world;
    await recordConsent({
      db,
      user,
      input: { purpose, policyVersion: "v1" },
      now: at("2030-01-01T00:00Z"),
    });
    await recordConsent({
      db,
      user,
      input: { purpose, policyVersion: "v2" },
      now: at("2030-02-01T00:00Z"),
    });
    const listed = await listConsents({ db, user });
    expect(listed.map((c) => [c.policyVersion, c.withdrawnAt])).toEqual([
      ["v2", null],
      ["v1", at("2030-02-01T00:00Z")],
    ]);
  });

  it("withdrawing closes the open consent, and withdrawing again changes nothing", async () => {
    const user = await createUser(world.db, "learner");
    const { db } = world;
    const input = { purpose: "product_updates", policyVersion: "v1" };
    await recordConsent({ db, user, input, now: at("2030-01-01T00:00Z") });
    const withdrawn = await withdrawConsent({
      db,
      user,
      purpose: input.purpose,
      now: at("2030-01-05T00:00Z"),
    });
    expect(withdrawn?.withdrawnAt).toEqual(at("2030-01-05T00:00Z"));
    expect(await withdrawConsent({ db, user, purpose: input.purpose })).toBeNull();
    // Granting again after a withdrawal is a new consent.
    await recordConsent({ db, user, input, now: at("2030-01-09T00:00Z") });
    expect((await listConsents({ db, user })).map((c) => c.withdrawnAt)).toEqual([
      null,
      at("2030-01-05T00:00Z"),
    ]);
  });

  it("refuses a purpose that is not a lowercase name, and an empty policy version", async () => {
    const user = await createUser(world.db, "learner");
    const { db } = world;
    await expect(
      recordConsent({ db, user, input: { purpose: "Drop Table", policyVersion: "v1" } }),
    ).rejects.toThrow(/lowercase name/);
    await expect(
      recordConsent({ db, user, input: { purpose: "product_updates", policyVersion: " " } }),
    ).rejects.toThrow(/policy version/);
  });

  it("are in the user's export as consents.json, without another user's", async () => {
    const { db } = world;
    const a = await createUser(db, "learner");
    const b = await createUser(db, "learner");
    const mine = await recordConsent({
      db,
      user: a,
      input: { purpose: "product_updates", policyVersion: "a-1" },
    });
    const theirs = await recordConsent({
      db,
      user: b,
      input: { purpose: "product_updates", policyVersion: "b-1" },
    });
    const { id } = await requestExport({ db, user: a, outbox: world.outbox });
    await runExport({ db, store: world.mediaStore, exportId: id, logger });
    const zip = world.mediaStore.objects.get(`exports/${id}.zip`);
    const files = unzipSync(zip?.bytes ?? new Uint8Array());
    const exported = JSON.parse(strFromU8(files["consents.json"] ?? new Uint8Array()));
    expect(exported).toEqual({ consents: [JSON.parse(JSON.stringify(mine))] });
    expect(JSON.stringify(exported)).not.toContain(theirs.id);
  });

  it("are deleted when the account is retired, and another user's stay", async () => {
    const { db } = world;
    const a = await createUser(db, "learner");
    const b = await createUser(db, "learner");
    const input = { purpose: "product_updates", policyVersion: "v1" };
    await recordConsent({ db, user: a, input });
    await recordConsent({ db, user: b, input });
    const requested = await requestAccountDeletion({
      db,
      user: a,
      input: { password: "right password" },
      checkPassword: async (password) => password === "right password",
    });
    const outcome = await runRetirement({
      db,
      store: world.mediaStore,
      outbox: world.outbox,
      retirementId: requested.id,
      now: () => new Date(Date.now() + 15 * 86_400_000),
    });
    expect(outcome).toBe("completed");
    expect(await listConsents({ db, user: a })).toEqual([]);
    expect(await listConsents({ db, user: b })).toHaveLength(1);
  });
});
