import { emailSends } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SessionUser, ValidationError } from "../kernel";
import { createNotifications, verbatim } from "../notifications";
import { createTestWorld, createUser, type TestWorld } from "../testing";
import { getEmailSettings, updateEmailSettings } from "./preferences";
import { resubscribe, unsubscribe, unsubscribeToken } from "./unsubscribe";

const SECRET = "a-test-secret-of-at-least-32-characters";
let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const deliveries = async (user: SessionUser) =>
  Object.fromEntries(
    (await getEmailSettings({ db: world.db, user })).preferences.map((p) => [p.kind, p.delivery]),
  );

describe("unsubscribe links", () => {
  it("turn one kind off, and undo puts back exactly what it was", async () => {
    const user = await createUser(world.db);
    await updateEmailSettings({
      db: world.db,
      user,
      input: { preferences: [{ kind: "grade", delivery: "daily" }] },
    });
    const token = unsubscribeToken(SECRET, user.id, "grade");
    const result = await unsubscribe({ db: world.db, secret: SECRET, token });
    expect(result.previous).toEqual([{ kind: "grade", delivery: "daily" }]);
    expect((await deliveries(user)).grade).toBe("off");
    // Twice is the same as once.
    await unsubscribe({ db: world.db, secret: SECRET, token });
    await resubscribe({
      db: world.db,
      secret: SECRET,
      input: { token, previous: result.previous },
    });
    expect((await deliveries(user)).grade).toBe("daily");
  });

  it("a digest link turns off the daily kinds only; undo cannot widen its scope", async () => {
    const user = await createUser(world.db);
    const token = unsubscribeToken(SECRET, user.id, "digest");
    const result = await unsubscribe({ db: world.db, secret: SECRET, token });
    expect(result.previous.map((p) => p.kind).sort()).toEqual([
      "forum_followed_reply",
      "milestone",
    ]);
    const after = await deliveries(user);
    expect([after.milestone, after.forum_followed_reply, after.forum_reply]).toEqual([
      "off",
      "off",
      "instant",
    ]);
    await expect(
      resubscribe({
        db: world.db,
        secret: SECRET,
        input: { token, previous: [{ kind: "grade", delivery: "instant" }] },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("a token signed with another secret, or for a user who is gone, changes nothing", async () => {
    const user = await createUser(world.db);
    const forged = unsubscribeToken("another-secret-of-at-least-32-characters", user.id, "all");
    await expect(unsubscribe({ db: world.db, secret: SECRET, token: forged })).rejects.toThrow(
      /not valid/,
    );
    const ghost = unsubscribeToken(SECRET, "no-such-user", "all");
    await expect(unsubscribe({ db: world.db, secret: SECRET, token: ghost })).rejects.toThrow(
      /not valid/,
    );
    expect(
      (await getEmailSettings({ db: world.db, user })).preferences.every((p) => p.isDefault),
    ).toBe(true);
  });
});

describe("the email outbox", () => {
  it("is written with the notification, and rolls back with it", async () => {
    const user = await createUser(world.db);
    const note = (dedupeKey: string) => ({
      userId: user.id,
      kind: "forum_mention" as const,
      title: verbatim("Mentioned"),
      dedupeKey,
    });
    await world.db
      .transaction(async (tx) => {
        await createNotifications(tx, [note("rolled-back")]);
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await world.db.select().from(emailSends).where(eq(emailSends.userId, user.id))).toEqual(
      [],
    );
    await world.db.transaction((tx) => createNotifications(tx, [note("kept")]));
    // The same fact again: no second notification, no second email.
    await world.db.transaction((tx) => createNotifications(tx, [note("kept")]));
    const rows = await world.db.select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(rows.map((r) => r.status)).toEqual(["queued"]);
  });

  it("queues nothing for kinds set to daily or off", async () => {
    const user = await createUser(world.db);
    await updateEmailSettings({
      db: world.db,
      user,
      input: { preferences: [{ kind: "forum_reply", delivery: "off" }] },
    });
    await world.db.transaction((tx) =>
      createNotifications(tx, [
        { userId: user.id, kind: "forum_reply", title: verbatim("Off"), dedupeKey: "a" },
        { userId: user.id, kind: "milestone", title: verbatim("Daily"), dedupeKey: "b" },
      ]),
    );
    expect(await world.db.select().from(emailSends).where(eq(emailSends.userId, user.id))).toEqual(
      [],
    );
  });
});
