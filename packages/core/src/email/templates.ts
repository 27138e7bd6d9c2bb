import { html, type SafeHtml } from "./html";
import type { NotificationKindName } from "./preferences";

/**
 * Email templates: every string a reader sees sits in the `strings` objects below, one per
 * template, so translation (issue 16) replaces them in one place. Bodies are built twice
 * (HTML and plain text) from the same data.
 */

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface EmailFrame {
  recipientName: string;
  /** One-click links: this kind (or, for a digest, its kinds) and every email. */
  unsubscribeUrl: string;
  unsubscribeAllUrl: string;
  settingsUrl: string;
}

export const KIND_LABELS: Record<NotificationKindName, string> = {
  milestone: "course milestones",
  certificate: "certificates",
  forum_reply: "replies to your threads",
  forum_followed_reply: "replies in threads you follow",
  forum_mention: "mentions",
  forum_answer_accepted: "accepted answers",
  forum_moderation: "moderation of your posts",
  grade: "grades",
  privacy_export: "data exports",
  account_deletion: "account deletion",
};

const frameStrings = {
  greeting: (name: string) => `Hi ${name},`,
  unsubscribe: "Unsubscribe from these",
  unsubscribeAll: "Unsubscribe from all Lumen email",
  settings: "Email settings",
};

function page(frame: EmailFrame, why: string, content: SafeHtml): string {
  const s = frameStrings;
  return html`<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="font-family:system-ui,sans-serif;color:#1f2328;max-width:560px;margin:0 auto;padding:16px">
<p>${s.greeting(frame.recipientName)}</p>
${content}
<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0">
<p style="font-size:13px;color:#57606a">${why}<br>
<a href="${frame.unsubscribeUrl}">${s.unsubscribe}</a> ·
<a href="${frame.unsubscribeAllUrl}">${s.unsubscribeAll}</a> ·
<a href="${frame.settingsUrl}">${s.settings}</a></p>
</body></html>`.value;
}

function footerText(frame: EmailFrame, why: string): string {
  const s = frameStrings;
  return [
    "--",
    why,
    `${s.unsubscribe}: ${frame.unsubscribeUrl}`,
    `${s.unsubscribeAll}: ${frame.unsubscribeAllUrl}`,
    `${s.settings}: ${frame.settingsUrl}`,
  ].join("\n");
}

const notificationStrings = {
  open: "Open in Lumen",
  why: (what: string) => `Your settings send you email about ${what} right away.`,
};

/** One notification, sent at once. */
export function notificationEmail(
  frame: EmailFrame,
  n: { kind: NotificationKindName; title: string; body: string; url: string; when: string },
): RenderedEmail {
  const s = notificationStrings;
  const why = s.why(KIND_LABELS[n.kind]);
  return {
    subject: n.title,
    html: page(
      frame,
      why,
      html`<h1 style="font-size:20px">${n.title}</h1>
<p style="color:#57606a;font-size:13px">${n.when}</p>
${n.body ? html`<p>${n.body}</p>` : html``}
<p><a href="${n.url}">${s.open}</a></p>`,
    ),
    text: [
      frameStrings.greeting(frame.recipientName),
      "",
      n.title,
      n.when,
      ...(n.body ? ["", n.body] : []),
      "",
      `${s.open}: ${n.url}`,
      "",
      footerText(frame, why),
    ].join("\n"),
  };
}

const digestStrings = {
  subject: (day: string) => `Your Lumen digest for ${day}`,
  intro: (count: number, day: string) =>
    count === 1 ? `One thing happened on ${day}:` : `${count} things happened on ${day}:`,
  why: "Your settings collect some kinds of notification into this daily digest.",
};

/** The day's daily-kind notifications in one email. */
export function digestEmail(
  frame: EmailFrame,
  d: { day: string; items: { title: string; body: string; url: string; when: string }[] },
): RenderedEmail {
  const s = digestStrings;
  return {
    subject: s.subject(d.day),
    html: page(
      frame,
      s.why,
      html`<p>${s.intro(d.items.length, d.day)}</p>
<ul style="padding-left:20px">${d.items.map(
        (i) =>
          html`<li style="margin-bottom:12px"><a href="${i.url}">${i.title}</a>
<span style="color:#57606a;font-size:13px"> · ${i.when}</span>${
            i.body ? html`<br>${i.body}` : html``
          }</li>`,
      )}</ul>`,
    ),
    text: [
      frameStrings.greeting(frame.recipientName),
      "",
      s.intro(d.items.length, d.day),
      "",
      ...d.items.map((i) => `- ${i.title} (${i.when})${i.body ? `\n  ${i.body}` : ""}\n  ${i.url}`),
      "",
      footerText(frame, s.why),
    ].join("\n"),
  };
}
