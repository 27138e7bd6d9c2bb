import { type Locale, textDirection } from "@lumen/shared";
import { translator } from "../i18n";
import { html } from "./html";
import { emailDocument, type RenderedEmail } from "./templates";

/**
 * The account's own emails (ADR 0026): verification, reset, email change, the notice to the
 * old address and the "you already have an account" answer to a sign-up. Transactional, so
 * no greeting by name (nothing a user typed about themselves is rendered) and no unsubscribe
 * links; their words come from the catalog (`email.account.*`) in `locale`.
 */
export type AccountEmail =
  | { kind: "verify"; url: string }
  | { kind: "existing"; url: string }
  | { kind: "reset"; url: string }
  | { kind: "change"; url: string }
  | { kind: "change-requested"; newEmail: string };

/** Every email is `intro`, then (when it has a link) `action` and the link, then these. */
const CLOSING: Record<AccountEmail["kind"], string[]> = {
  verify: ["note"],
  existing: ["note"],
  reset: ["note", "ignore"],
  change: ["note"],
  "change-requested": ["note", "advice"],
};

// First-strong isolate … pop: an address (left to right) inside right-to-left words.
const isolate = (text: string, locale: Locale) =>
  textDirection(locale) === "rtl" ? `\u2068${text}\u2069` : text;

export function accountEmail(locale: Locale, mail: AccountEmail): RenderedEmail {
  const t = translator(locale);
  const id = (part: string) => `email.account.${mail.kind}.${part}`;
  const values = "newEmail" in mail ? { newEmail: isolate(mail.newEmail, locale) } : undefined;
  const say = (part: string) => t(id(part), values);
  const link = "url" in mail ? { words: say("action"), url: mail.url } : null;
  const closing = CLOSING[mail.kind].map(say);
  const middle = link
    ? html`<p>${link.words}<br><a href="${link.url}" dir="ltr">${link.url}</a></p>`
    : html``;
  return {
    subject: t(id("subject")),
    html: emailDocument(
      locale,
      html`<p>${say("intro")}</p>
${middle}
<p style="font-size:13px;color:#57606a">${closing.map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`,
    ),
    text: [say("intro"), ...(link ? ["", link.words, link.url] : []), "", ...closing].join("\n"),
  };
}
