import { type Locale, textDirection } from "@lumen/shared";
import { translator } from "../i18n";
import { html, type SafeHtml } from "./html";
import type { NotificationKindName } from "./preferences";

/**
 * Email templates: every string a reader sees comes from the domain's message catalog
 * (../i18n/locales, ADR 0028) in the recipient's language; user content (titles, bodies,
 * names) arrives already written or rendered. Bodies are built twice (HTML and plain text)
 * from the same data.
 */

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface EmailFrame {
  recipientName: string;
  /** The language of the email's own words (users.locale, else English). */
  locale: Locale;
  /** One-click links: this kind (or, for a digest, its kinds) and every email. */
  unsubscribeUrl: string;
  unsubscribeAllUrl: string;
  settingsUrl: string;
}

/** The HTML document of every email: `lang` and `dir` follow the language of its words. */
export function emailDocument(locale: Locale, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="font-family:system-ui,sans-serif;color:#1f2328;max-width:560px;margin:0 auto;padding:16px">
${body}
</body></html>`.value;
}

function page(frame: EmailFrame, why: string, content: SafeHtml): string {
  const t = translator(frame.locale);
  return emailDocument(
    frame.locale,
    html`<p>${t("email.greeting", { name: frame.recipientName })}</p>
${content}
<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0">
<p style="font-size:13px;color:#57606a">${why}<br>
<a href="${frame.unsubscribeUrl}">${t("email.unsubscribe")}</a> ·
<a href="${frame.unsubscribeAllUrl}">${t("email.unsubscribe-all")}</a> ·
<a href="${frame.settingsUrl}">${t("email.settings")}</a></p>`,
  );
}

function footerText(frame: EmailFrame, why: string): string {
  const t = translator(frame.locale);
  return [
    "--",
    why,
    `${t("email.unsubscribe")}: ${frame.unsubscribeUrl}`,
    `${t("email.unsubscribe-all")}: ${frame.unsubscribeAllUrl}`,
    `${t("email.settings")}: ${frame.settingsUrl}`,
  ].join("\n");
}

/** One notification, sent at once. */
export function notificationEmail(
  frame: EmailFrame,
  n: { kind: NotificationKindName; title: string; body: string; url: string; when: string },
): RenderedEmail {
  const t = translator(frame.locale);
  const why = t("email.notification.why", { what: t(`email.kind.${n.kind}`) });
  const open = t("email.notification.open");
  return {
    subject: n.title,
    html: page(
      frame,
      why,
      html`<h1 style="font-size:20px">${n.title}</h1>
<p style="color:#57606a;font-size:13px">${n.when}</p>
${n.body ? html`<p>${n.body}</p>` : html``}
<p><a href="${n.url}">${open}</a></p>`,
    ),
    text: [
      t("email.greeting", { name: frame.recipientName }),
      "",
      n.title,
      n.when,
      ...(n.body ? ["", n.body] : []),
      "",
      `${open}: ${n.url}`,
      "",
      footerText(frame, why),
    ].join("\n"),
  };
}

/** The day's daily-kind notifications in one email. */
export function digestEmail(
  frame: EmailFrame,
  d: { day: string; items: { title: string; body: string; url: string; when: string }[] },
): RenderedEmail {
  const t = translator(frame.locale);
  const why = t("email.digest.why");
  const intro = t("email.digest.intro", { count: d.items.length, day: d.day });
  return {
    subject: t("email.digest.subject", { day: d.day }),
    html: page(
      frame,
      why,
      html`<p>${intro}</p>
<ul style="padding-inline-start:20px">${d.items.map(
        (i) =>
          html`<li style="margin-bottom:12px"><a href="${i.url}">${i.title}</a>
<span style="color:#57606a;font-size:13px"> · ${i.when}</span>${
            i.body ? html`<br>${i.body}` : html``
          }</li>`,
      )}</ul>`,
    ),
    text: [
      t("email.greeting", { name: frame.recipientName }),
      "",
      intro,
      "",
      ...d.items.map((i) => `- ${i.title} (${i.when})${i.body ? `\n  ${i.body}` : ""}\n  ${i.url}`),
      "",
      footerText(frame, why),
    ].join("\n"),
  };
}
