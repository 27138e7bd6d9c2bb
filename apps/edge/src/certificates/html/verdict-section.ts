import { escapeHtml, type Locale } from "@lumen/shared";
import { html, raw } from "hono/html";
import { rich, type Translate, translator } from "../../i18n";
import type { CertificateVerification } from "../types";
import { timeElement } from "./format";

/** Reasons a credential is invalid that have words of their own (`invalid.detail.<reason>`). */
const INVALID_REASONS: ReadonlySet<string> = new Set([
  "not_yet_valid",
  "bad_signature",
  "unknown_key",
  "wrong_issuer",
  "bad_claims",
  "malformed",
]);

/** A symbol beside the verdict word, hidden from screen readers (the word says it all). */
const SYMBOL = { valid: "✓", revoked: "✗", withdrawn: "✗", expired: "⌛", invalid: "✗" } as const;

/**
 * The verdict's words: a status, or "withdrawn" — a revocation the holder asked for when
 * their account was deleted, told in its own words and without their details (ADR 0027).
 */
export function verdictKind(v: CertificateVerification): keyof typeof SYMBOL {
  return v.reason === "withdrawn" ? "withdrawn" : v.status;
}

/** The verdict: its heading, and a box whose first line says it in one word. */
export function verdictSection(v: CertificateVerification, locale: Locale) {
  const t = translator(locale);
  const kind = verdictKind(v);
  const paragraphs = lines(v, t, locale).map((line) => html`<p>${raw(line)}</p>\n`);
  return html`<h1>${t(`${kind}.heading`)}</h1><section class="verdict ${v.status}" aria-label="${t("page.verdict-region")}">
<p class="label"><span aria-hidden="true">${SYMBOL[kind]}</span> ${t(`${kind}.label`)}</p>
${paragraphs}</section>`;
}

/** The box's sentences as safe HTML: words escaped, dates as `<time>`. */
function lines(v: CertificateVerification, t: Translate, locale: Locale): string[] {
  const text = (id: string, values?: Record<string, string>) => escapeHtml(t(id, values));
  const issuer = escapeHtml(v.certificate?.issuer.name ?? "");
  if (v.status === "valid") return [rich(t, "valid.text", { issuer })];
  if (v.reason === "withdrawn") {
    return [
      v.revocation
        ? rich(t, "withdrawn.text", { date: timeElement(v.revocation.revokedAt, locale) })
        : text("withdrawn.text-undated"),
      text("withdrawn.after"),
    ];
  }
  if (v.status === "revoked") {
    const reason = v.revocation?.reason;
    return [
      v.revocation
        ? rich(t, "revoked.text", { date: timeElement(v.revocation.revokedAt, locale) })
        : text("revoked.text-undated"),
      ...(reason ? [text("revoked.reason", { reason })] : []),
      text("revoked.after"),
    ];
  }
  if (v.status === "expired") {
    const until = v.certificate?.validUntil;
    return [
      until
        ? rich(t, "expired.text", { issuer, date: timeElement(until, locale) })
        : rich(t, "expired.text-undated", { issuer }),
      text("expired.after"),
    ];
  }
  const reason = v.reason && INVALID_REASONS.has(v.reason) ? v.reason : null;
  const lead = reason === "not_yet_valid" ? "invalid.lead.not_yet_valid" : "invalid.lead";
  return [`<strong>${text(lead)}</strong>`, reason ? text(`invalid.detail.${reason}`) : ""];
}
