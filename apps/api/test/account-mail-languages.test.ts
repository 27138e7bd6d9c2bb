import { firstLink, type ReceivedMail } from "@lumen/tools/mailbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieHeader, createTestApp, json, type TestApp } from "./harness";

/**
 * The account's emails come in the account's language (users.locale), else in the language
 * the request asked in (Accept-Language), else English (ADR 0026, 0028). Each is checked in
 * Spanish and Arabic — subject, words, the HTML's direction — and its link is followed.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.database.close());

const PASSWORD = "correct-horse-battery";

/** The words each mail must carry, by language: its subject and a line of its body. */
const WORDS = {
  es: {
    dir: "ltr",
    verify: ["Confirma tu dirección de correo para Lumen", "¡Te damos la bienvenida a Lumen!"],
    existing: ["Ya tienes una cuenta en Lumen", "Ya tienes una. Inicia sesión aquí:"],
    reset: ["Restablece tu contraseña de Lumen", "Abre este enlace para elegir una contraseña"],
    change: ["Confirma tu nueva dirección de correo para Lumen", "conserva su dirección actual"],
    notice: [
      "Se pidió cambiar la dirección de correo de tu cuenta de Lumen",
      "pidió cambiar su dirección de correo a",
    ],
  },
  ar: {
    dir: "rtl",
    verify: ["أكّد عنوان بريدك الإلكتروني في Lumen", "مرحبًا بك في Lumen!"],
    existing: ["لديك حساب في Lumen بالفعل", "لديك حساب بالفعل. سجّل الدخول من هنا:"],
    reset: ["أعد تعيين كلمة مرورك في Lumen", "افتح هذا الرابط لاختيار كلمة مرور جديدة:"],
    change: ["أكّد عنوان بريدك الإلكتروني الجديد في Lumen", "يحتفظ الحساب بعنوانه الحالي"],
    notice: [
      "طُلب تغيير عنوان بريدك الإلكتروني في Lumen",
      "تغيير عنوان البريد الإلكتروني للحساب إلى",
    ],
  },
  en: {
    dir: "ltr",
    verify: ["Confirm your email address for Lumen", "Welcome to Lumen!"],
    existing: ["You already have a Lumen account", "You already have one. Sign in here:"],
    reset: ["Reset your Lumen password", "Open this link to choose a new password:"],
    change: ["Confirm your new email address for Lumen", "keeps its current address"],
    notice: ["A change of your Lumen email address was requested", "change its email address to"],
  },
} as const;
type Language = keyof typeof WORDS;
type MailName = Exclude<keyof (typeof WORDS)[Language], "dir">;

/** The mail `name` to `email`, checked to be in `language` (text and HTML). */
async function mailIn(language: Language, name: MailName, email: string) {
  const [subject, line] = WORDS[language][name];
  const mail = await t.mailbox.waitFor(email, { subject: new RegExp(`^${subject}$`) });
  expect(mail.text).toContain(line);
  expect(mail.html).toContain(`<html lang="${language}" dir="${WORDS[language].dir}">`);
  expect(mail.html).toContain(escapeHtml(line));
  return mail;
}

const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;");

const signUpAs = (email: string, extra: Record<string, string> = {}, headers = {}) =>
  t.app.request(
    "/api/auth/sign-up/email",
    json({ name: "Learner", email, password: PASSWORD, ...extra }, headers),
  );

async function open(mail: ReceivedMail, cookie?: string) {
  const link = firstLink(mail);
  return t.app.request(`${link.pathname}${link.search}`, cookie ? { headers: { cookie } } : {});
}

/** A verified account whose profile language is `locale`; returns its session cookie. */
async function accountIn(locale: Language, email: string) {
  expect((await signUpAs(email, { locale })).status).toBe(200);
  const opened = await open(await mailIn(locale, "verify", email));
  expect(opened.status).toBe(302);
  return cookieHeader(opened);
}

describe.each(["es", "ar"] as const)("account emails to a %s-speaking account", (lang) => {
  it("sign-up's verification link, in their language, signs them in", async () => {
    const email = `verify-${lang}@test.lumen.dev`;
    expect((await signUpAs(email, { locale: lang })).status).toBe(200);
    const opened = await open(await mailIn(lang, "verify", email));
    expect(opened.status).toBe(302);
    const session = await t.app.request("/api/auth/get-session", {
      headers: { cookie: cookieHeader(opened) },
    });
    expect(await session.json()).toMatchObject({ user: { email, emailVerified: true } });
  });

  it("a sign-up with their address tells them in their language, not the form's", async () => {
    const email = `existing-${lang}@test.lumen.dev`;
    await accountIn(lang, email);
    const asEnglish = { "accept-language": "en-US,en;q=0.9" };
    expect((await signUpAs(email, { locale: "en" }, asEnglish)).status).toBe(200);
    const link = firstLink(await mailIn(lang, "existing", email));
    expect(link.href).toBe(`${t.env.WEB_ORIGIN}/sign-in`);
  });

  it("the reset link, in their language, sets a new password", async () => {
    const email = `reset-${lang}@test.lumen.dev`;
    await accountIn(lang, email);
    const asked = await t.app.request("/api/auth/request-password-reset", json({ email }));
    expect(asked.status).toBe(200);
    const link = firstLink(await mailIn(lang, "reset", email));
    expect(`${link.origin}${link.pathname}`).toBe(`${t.env.WEB_ORIGIN}/reset-password`);
    const newPassword = "lantern-orbit-meadow-42";
    const token = link.searchParams.get("token") ?? "";
    const reset = await t.app.request("/api/auth/reset-password", json({ token, newPassword }));
    expect(reset.status).toBe(200);
    const signIn = await t.app.request(
      "/api/auth/sign-in/email",
      json({ email, password: newPassword }),
    );
    expect(signIn.status).toBe(200);
  });

  it("an email change: the new address's link and the old address's notice, in their language", async () => {
    const old = `moving-${lang}@test.lumen.dev`;
    const next = `moved-${lang}@test.lumen.dev`;
    const cookie = await accountIn(lang, old);
    const body = { newEmail: next, currentPassword: PASSWORD, callbackURL: "/settings/account" };
    expect((await t.app.request("/api/auth/change-email", json(body, { cookie }))).status).toBe(
      200,
    );
    const notice = await mailIn(lang, "notice", old);
    expect(notice.text).toContain(next);
    const opened = await open(await mailIn(lang, "change", next), cookie);
    expect(opened.status).toBe(302);
    const signIn = await t.app.request(
      "/api/auth/sign-in/email",
      json({ email: next, password: PASSWORD }),
    );
    expect(signIn.status).toBe(200);
  });
});

describe("without a profile language", () => {
  it("sign-up's mail follows the browser's Accept-Language when the form sent no language", async () => {
    const email = "browser-ar@test.lumen.dev";
    const arabic = { "accept-language": "ar-EG,ar;q=0.9,en;q=0.5" };
    expect((await signUpAs(email, {}, arabic)).status).toBe(200);
    expect((await open(await mailIn("ar", "verify", email))).status).toBe(302);
  });

  it("falls back to English: a language we do not speak, and no Accept-Language", async () => {
    const email = "fallback@test.lumen.dev";
    const german = { "accept-language": "de-DE,de;q=0.9" };
    expect((await signUpAs(email, { locale: "de-DE" }, german)).status).toBe(200);
    expect((await open(await mailIn("en", "verify", email))).status).toBe(302);
    // A sign-up without any language from a client that sends no Accept-Language.
    expect((await signUpAs(email)).status).toBe(200);
    const link = firstLink(await mailIn("en", "existing", email));
    expect(link.href).toBe(`${t.env.WEB_ORIGIN}/sign-in`);
  });

  it("falls back to English for a reset and an email change too", async () => {
    const email = "plain@test.lumen.dev";
    expect((await signUpAs(email)).status).toBe(200);
    const cookie = cookieHeader(await open(await mailIn("en", "verify", email)));
    await t.app.request("/api/auth/request-password-reset", json({ email }));
    const link = firstLink(await mailIn("en", "reset", email));
    expect(link.pathname).toBe("/reset-password");
    const body = { newEmail: "plain-next@test.lumen.dev", currentPassword: PASSWORD };
    expect((await t.app.request("/api/auth/change-email", json(body, { cookie }))).status).toBe(
      200,
    );
    expect((await mailIn("en", "notice", email)).text).toContain("plain-next@test.lumen.dev");
    expect(
      (await open(await mailIn("en", "change", "plain-next@test.lumen.dev"), cookie)).status,
    ).toBe(302);
  });
});
