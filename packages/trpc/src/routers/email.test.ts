import { DEFAULT_DELIVERY } from "@lumen/core/email";
import { createUser } from "@lumen/core/testing";
import { emailPreferences, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const deliveryOf = (
  settings: { preferences: { kind: string; delivery: string }[] },
  kind: string,
) => settings.preferences.find((p) => p.kind === kind)?.delivery;

describe("email settings", () => {
  it("a new user gets the documented defaults for every kind, and no time zone yet", async () => {
    const me = await createUser(t.db);
    const settings = await t.callerFor(me).email.settings();
    expect(settings.timeZone).toBeNull();
    expect(settings.locale).toBeNull();
    expect(Object.fromEntries(settings.preferences.map((p) => [p.kind, p.delivery]))).toEqual(
      DEFAULT_DELIVERY,
    );
    expect(deliveryOf(settings, "forum_reply")).toBe("instant");
    expect(deliveryOf(settings, "forum_followed_reply")).toBe("daily");
    expect(settings.preferences.every((p) => p.isDefault)).toBe(true);
  });

  it("saves a choice; other kinds and other users keep theirs", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const caller = t.callerFor(me);
    const saved = await caller.email.updateSettings({
      preferences: [
        { kind: "forum_reply", delivery: "daily" },
        { kind: "milestone", delivery: "off" },
      ],
    });
    expect(deliveryOf(saved, "forum_reply")).toBe("daily");
    expect(deliveryOf(saved, "milestone")).toBe("off");
    expect(deliveryOf(saved, "grade")).toBe("instant");
    // A later save of one kind leaves the rest as they were.
    const again = await caller.email.updateSettings({
      preferences: [{ kind: "milestone", delivery: "instant" }],
    });
    expect(deliveryOf(again, "forum_reply")).toBe("daily");
    expect(deliveryOf(again, "milestone")).toBe("instant");
    const theirs = await t.callerFor(other).email.settings();
    expect(theirs.preferences.every((p) => p.isDefault)).toBe(true);
  });

  it("shows the profile's time zone and language but never writes them (the profile does)", async () => {
    const me = await createUser(t.db, "learner", { timeZone: "Europe/Madrid", locale: "es" });
    const caller = t.callerFor(me);
    const settings = await caller.email.settings();
    expect([settings.timeZone, settings.locale]).toEqual(["Europe/Madrid", "es"]);
    for (const input of [{ timeZone: "UTC" }, { locale: "ar" }]) {
      expect(
        await codeOf(
          caller.email.updateSettings(input as Parameters<typeof caller.email.updateSettings>[0]),
        ),
      ).toBe("BAD_REQUEST");
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, me.id));
    expect([row?.timeZone, row?.locale]).toEqual(["Europe/Madrid", "es"]);
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const me = await createUser(t.db);
    const caller = t.callerFor(me);
    const bad: unknown[] = [
      { preferences: [{ kind: "spam", delivery: "instant" }] },
      { preferences: [{ kind: "grade", delivery: "hourly" }] },
      {
        preferences: [
          { kind: "grade", delivery: "off" },
          { kind: "grade", delivery: "daily" },
        ],
      },
      { userId: "someone-else", preferences: [] },
    ];
    for (const input of bad) {
      expect(
        await codeOf(
          caller.email.updateSettings(input as Parameters<typeof caller.email.updateSettings>[0]),
        ),
      ).toBe("BAD_REQUEST");
    }
    const error = await caller.email
      .updateSettings({
        preferences: [
          { kind: "grade", delivery: "off" },
          { kind: "grade", delivery: "daily" },
        ],
      })
      .catch((e: Error) => e);
    if (!(error instanceof Error && error.cause instanceof z.ZodError)) throw error;
    expect(z.flattenError(error.cause).fieldErrors).toEqual({
      preferences: ["Each kind may appear once."],
    });
    const [row] = await t.db.select().from(users).where(eq(users.id, me.id));
    expect(row?.timeZone).toBeNull();
    expect(row?.locale).toBeNull();
    expect(
      await t.db.select().from(emailPreferences).where(eq(emailPreferences.userId, me.id)),
    ).toEqual([]);
  });

  it("needs a signed-in user", async () => {
    expect(await codeOf(t.callerFor(null).email.settings())).toBe("UNAUTHORIZED");
  });
});
