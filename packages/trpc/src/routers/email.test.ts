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

  it("saves a choice, a time zone and a locale; other kinds and other users keep theirs", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const caller = t.callerFor(me);
    const saved = await caller.email.updateSettings({
      timeZone: "Europe/Paris",
      locale: "fr-ca",
      preferences: [
        { kind: "forum_reply", delivery: "daily" },
        { kind: "milestone", delivery: "off" },
      ],
    });
    expect(saved.timeZone).toBe("Europe/Paris");
    expect(saved.locale).toBe("fr-CA");
    expect(deliveryOf(saved, "forum_reply")).toBe("daily");
    expect(deliveryOf(saved, "milestone")).toBe("off");
    expect(deliveryOf(saved, "grade")).toBe("instant");
    // A later save of one kind leaves the rest as they were.
    const again = await caller.email.updateSettings({
      preferences: [{ kind: "milestone", delivery: "instant" }],
    });
    expect(deliveryOf(again, "forum_reply")).toBe("daily");
    expect(deliveryOf(again, "milestone")).toBe("instant");
    expect(again.timeZone).toBe("Europe/Paris");
    const theirs = await t.callerFor(other).email.settings();
    expect(theirs.preferences.every((p) => p.isDefault)).toBe(true);
    expect(theirs.timeZone).toBeNull();
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const me = await createUser(t.db);
    const caller = t.callerFor(me);
    const bad: unknown[] = [
      { timeZone: "Mars/Olympus_Mons" },
      { timeZone: "" },
      { locale: "not a locale!!" },
      { preferences: [{ kind: "spam", delivery: "instant" }] },
      { preferences: [{ kind: "grade", delivery: "hourly" }] },
      {
        preferences: [
          { kind: "grade", delivery: "off" },
          { kind: "grade", delivery: "daily" },
        ],
      },
      { userId: "someone-else", timeZone: "UTC" },
    ];
    for (const input of bad) {
      expect(
        await codeOf(
          caller.email.updateSettings(input as Parameters<typeof caller.email.updateSettings>[0]),
        ),
      ).toBe("BAD_REQUEST");
    }
    const error = await caller.email
      .updateSettings({ timeZone: "Mars/Olympus_Mons" })
      .catch((e: Error) => e);
    if (!(error instanceof Error && error.cause instanceof z.ZodError)) throw error;
    expect(z.flattenError(error.cause).fieldErrors).toEqual({
      timeZone: ["That is not a time zone we know (use an IANA name like Europe/Paris)."],
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
