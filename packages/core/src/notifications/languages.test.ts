import { notifications } from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmailMessage, sendDueEmails } from "../email";
import { createTestWorld, createUser, type TestWorld } from "../testing";
import { createNotifications, message, milestoneNotification, verbatim } from ".";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const storedFor = async (userId: string) =>
  world.db
    .select({ title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.dedupeKey));

const milestone = (userId: string, percent: number) =>
  milestoneNotification({
    userId,
    enrollmentId: `enr-${userId}`,
    courseSlug: "stats",
    courseTitle: "Statistics",
    percent,
  });

/** A percent as Intl writes it in that locale (Arabic wraps the sign in direction marks). */
const pct = (locale: string, value: number) =>
  new Intl.NumberFormat(locale, { style: "percent" }).format(value / 100);

describe("notifications in the recipient's language", () => {
  it("render one batch for each recipient in users.locale; unknown or unset read English", async () => {
    const [ar, esMx, fr, unset] = await Promise.all([
      createUser(world.db, "learner", { locale: "ar" }),
      createUser(world.db, "learner", { locale: "es-MX" }),
      createUser(world.db, "learner", { locale: "fr-CA" }),
      createUser(world.db),
    ]);
    await world.db.transaction((tx) =>
      createNotifications(
        tx,
        [ar, esMx, fr, unset].map((u) => milestone(u.id, 25)),
      ),
    );
    expect(await storedFor(ar.id)).toEqual([
      {
        title: `أنجزت ${pct("ar", 25)} من دورة Statistics`,
        body: `واصل التقدّم: بقي ${pct("ar", 75)} من الدورة.`,
      },
    ]);
    expect(await storedFor(esMx.id)).toEqual([
      {
        title: `Llevas el ${pct("es-MX", 25)} de Statistics`,
        body: `¡Sigue así! Te queda el ${pct("es-MX", 75)} del curso.`,
      },
    ]);
    // French is not one of ours: English words, French number formatting as the user chose.
    expect(await storedFor(fr.id)).toEqual([
      {
        title: `You're ${pct("fr-CA", 25)} through Statistics`,
        body: `Keep going: ${pct("fr-CA", 75)} of the course is left.`,
      },
    ]);
    expect(await storedFor(unset.id)).toEqual([
      { title: "You're 25% through Statistics", body: "Keep going: 75% of the course is left." },
    ]);
  });

  it("format a date in the recipient's time zone and keep people's own words verbatim", async () => {
    const user = await createUser(world.db, "learner", { locale: "es", timeZone: "Asia/Tokyo" });
    await world.db.transaction((tx) =>
      createNotifications(tx, [
        {
          userId: user.id,
          kind: "forum_moderation",
          title: message("notification.forum.muted-until", {
            course: "Estadística",
            until: { dateTime: new Date("2026-12-08T20:30:00Z") },
          }),
          body: verbatim("Spam, again"),
          link: "/courses/stats/forum",
          dedupeKey: "mute",
        },
      ]),
    );
    const [stored] = await storedFor(user.id);
    // 20:30 UTC is 05:30 the next day in Tokyo.
    expect(stored?.title).toMatch(
      /^No puedes publicar en el foro de Estadística hasta el 9 de diciembre de 2026\D+5:30$/,
    );
    expect(stored?.body).toBe("Spam, again");
  });

  it("count days with Arabic plurals", async () => {
    const user = await createUser(world.db, "learner", { locale: "ar" });
    await world.db.transaction((tx) =>
      createNotifications(
        tx,
        [1, 2, 7, 11].map((days) => ({
          userId: user.id,
          kind: "privacy_export" as const,
          title: message("notification.privacy.export-ready.title"),
          body: message("notification.privacy.export-ready.body", { days }),
          link: "/settings/privacy",
          dedupeKey: `export-${String(days).padStart(2, "0")}`,
        })),
      ),
    );
    expect((await storedFor(user.id)).map((n) => n.body)).toEqual([
      "نزّله من إعدادات الخصوصية خلال يوم واحد.",
      "نزّله من إعدادات الخصوصية خلال يومين.",
      "نزّله من إعدادات الخصوصية خلال 7 أيام.",
      "نزّله من إعدادات الخصوصية خلال 11 يومًا.",
    ]);
  });

  it("send the instant email in the same language as the in-app notification", async () => {
    const user = await createUser(world.db, "learner", { locale: "ar", emailVerified: true });
    await world.db.transaction((tx) =>
      createNotifications(tx, [
        {
          userId: user.id,
          kind: "certificate",
          title: message("notification.certificate.title", { course: "الإحصاء" }),
          body: message("notification.certificate.body"),
          link: "/courses/stats/learn",
          dedupeKey: "certificate:1",
        },
      ]),
    );
    const sent: EmailMessage[] = [];
    await sendDueEmails({
      db: world.db,
      transport: { send: async (m) => void sent.push(m) },
      appUrl: "https://app.test",
      apiUrl: "https://api.test",
      secret: "a-test-secret-of-at-least-32-characters",
    });
    const mail = sent.find((m) => m.to === user.email);
    const [stored] = await storedFor(user.id);
    expect(mail?.subject).toBe("شهادتك في دورة الإحصاء جاهزة");
    expect(mail?.subject).toBe(stored?.title);
    expect(mail?.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail?.text).toContain("نزّلها بصيغة PDF، أو شارك رابط التحقق منها مع من تشاء.");
    expect(mail?.text).toContain("تُرسل إليك إعداداتك رسالة فورية بشأن الشهادات.");
  });
});
