import { describe, expect, it } from "vitest";
import { digestEmail, type EmailFrame, notificationEmail } from "./templates";

const frame = (locale: EmailFrame["locale"]): EmailFrame => ({
  recipientName: "Layla <b>",
  locale,
  unsubscribeUrl: "https://app.test/unsubscribe?token=one",
  unsubscribeAllUrl: "https://app.test/unsubscribe?token=all",
  settingsUrl: "https://app.test/settings/notifications",
});

const note = {
  kind: "certificate" as const,
  title: "شهادتك في دورة الإحصاء جاهزة",
  body: "",
  url: "https://app.test/courses/stats/learn",
  when: "7 ديسمبر 2026",
};

const items = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    title: `Item ${i}`,
    body: "",
    url: `https://app.test/${i}`,
    when: "09:00",
  }));

describe("email templates", () => {
  it("write an Arabic email right to left, every word of the frame in Arabic", () => {
    const mail = notificationEmail(frame("ar"), note);
    expect(mail.subject).toBe(note.title);
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain("مرحبًا Layla &lt;b&gt;،");
    expect(mail.html).toContain("تُرسل إليك إعداداتك رسالة فورية بشأن الشهادات.");
    expect(mail.html).toContain(">إلغاء الاشتراك في كل رسائل Lumen</a>");
    expect(mail.text).toContain("افتح في Lumen: https://app.test/courses/stats/learn");
    expect(mail.text).toContain(
      "إعدادات البريد الإلكتروني: https://app.test/settings/notifications",
    );
    expect(mail.text).not.toMatch(/Unsubscribe|settings send you|Open in Lumen/);
  });

  it("write a Spanish email left to right", () => {
    const mail = notificationEmail(frame("es"), { ...note, kind: "grade", title: "Nota" });
    expect(mail.html).toContain('<html lang="es" dir="ltr">');
    expect(mail.text.split("\n")[0]).toBe("Hola, Layla <b>:");
    expect(mail.text).toContain(
      "Según tus ajustes, te enviamos un correo en cuanto hay novedades sobre las calificaciones.",
    );
  });

  it("keep the English wording", () => {
    const mail = notificationEmail(frame("en"), { ...note, title: "Ready" });
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.text).toContain("Your settings send you email about certificates right away.");
    expect(mail.text).toContain("Unsubscribe from all Lumen email: https://app.test/unsubscribe");
  });

  it.each([
    ["en", 1, "One thing happened on Monday:"],
    ["en", 3, "3 things happened on Monday:"],
    ["es", 1, "El Monday pasó una cosa:"],
    ["es", 4, "El Monday pasaron 4 cosas:"],
    ["ar", 1, "حدث أمر واحد يوم Monday:"],
    ["ar", 2, "حدث أمران يوم Monday:"],
    ["ar", 3, "حدثت 3 أمور يوم Monday:"],
    ["ar", 11, "حدث 11 أمرًا يوم Monday:"],
    ["ar", 100, "حدث 100 أمر يوم Monday:"],
  ] as const)("count a %s digest of %i with the language's plural", (locale, count, intro) => {
    const mail = digestEmail(frame(locale), { day: "Monday", items: items(count) });
    expect(mail.text.split("\n")[2]).toBe(intro);
    expect(mail.html).toContain(`<p>${intro}</p>`);
  });

  it("name the day in the digest's subject", () => {
    expect(digestEmail(frame("es"), { day: "lunes", items: items(1) }).subject).toBe(
      "Tu resumen de Lumen del lunes",
    );
    expect(digestEmail(frame("ar"), { day: "الاثنين", items: items(1) }).subject).toBe(
      "ملخّصك من Lumen ليوم الاثنين",
    );
  });
});
