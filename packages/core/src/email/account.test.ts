import { describe, expect, it } from "vitest";
import { preferredLocale } from "../i18n";
import { accountEmail } from "./account";

const url = "https://app.test/reset-password?token=a&b";

describe("account emails", () => {
  it("keep the English wording, the link on its own line", () => {
    const mail = accountEmail("en", { kind: "reset", url });
    expect(mail.subject).toBe("Reset your Lumen password");
    expect(mail.text.split("\n")).toEqual([
      "Someone, hopefully you, asked to reset the password of the Lumen account for this address.",
      "",
      "Open this link to choose a new password:",
      url,
      "",
      "The link works once, for one hour. Choosing a new password signs you out on every device.",
      "If you did not ask for this, ignore this email: your password has not changed.",
    ]);
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).toContain(`<a href="https://app.test/reset-password?token=a&amp;b"`);
  });

  it("are written right to left in Arabic, an address kept left to right inside", () => {
    const mail = accountEmail("ar", { kind: "change-requested", newEmail: "new<b>@test.dev" });
    expect(mail.subject).toBe("طُلب تغيير عنوان بريدك الإلكتروني في Lumen");
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain("\u2068new&lt;b&gt;@test.dev\u2069");
    expect(mail.text).toContain("\u2068new<b>@test.dev\u2069");
    // No English left: the only Latin letters are the brand and the address.
    expect(mail.text.replaceAll("Lumen", "").replace("new<b>@test.dev", "")).not.toMatch(/[a-z]/i);
  });

  it("are in Spanish for a Spanish reader", () => {
    const mail = accountEmail("es", { kind: "verify", url });
    expect(mail.subject).toBe("Confirma tu dirección de correo para Lumen");
    expect(mail.html).toContain('<html lang="es" dir="ltr">');
    expect(mail.text).toContain(`e iniciar sesión:\n${url}`);
  });
});

describe("the language of a mail to someone who may have no stored language", () => {
  it.each([
    ["es-MX", "ar,en;q=0.5", "es"],
    ["ar", null, "ar"],
    [null, "fr-CA,es;q=0.8,en;q=0.5", "es"],
    ["ja-JP", "ar-EG", "ar"],
    [null, null, "en"],
    [null, "de", "en"],
  ])("stored %s, Accept-Language %s: %s", (stored, header, expected) => {
    expect(preferredLocale(stored, header)).toBe(expected);
  });
});
