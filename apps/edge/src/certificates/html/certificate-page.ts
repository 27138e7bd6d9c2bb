import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { CertificateCheck, CertificateVerification } from "../types";
import { layout } from "./layout";

/** Why a credential is invalid, in words an employer can act on. */
const INVALID_DETAIL: Record<string, string> = {
  not_yet_valid: "Its validity period has not started: it only becomes valid on a later date.",
  bad_signature: "Its contents were changed after the issuer signed them.",
  unknown_key: "It was signed with a key the issuer has not published.",
  wrong_issuer: "It names a different issuer than the one this site verifies for.",
  bad_claims: "Its contents do not belong to this certificate.",
  malformed: "The stored credential is not a well-formed signed credential.",
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

function date(iso: string, withTime = false) {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  const text = (withTime ? timeFormat : dateFormat).format(value) + (withTime ? " UTC" : "");
  return html`<time datetime="${value.toISOString()}">${text}</time>`;
}

/** The page for a check: its HTTP status and the whole HTML document. */
export async function certificatePage(
  check: CertificateCheck,
): Promise<{ status: 200 | 404 | 503; body: string }> {
  if (check.kind === "unknown") {
    const main = await html`<h1>Certificate not found</h1>
<section class="verdict neutral" aria-label="Verdict">
<p class="label">NOT FOUND</p>
<p>No certificate has the id <code>${check.id}</code>. Check the link or the printed address.</p>
</section>`;
    return { status: 404, body: await layout("Certificate not found · Lumen", main) };
  }
  if (check.kind === "unavailable") {
    const main = await html`<h1>We can't check this certificate right now</h1>
<section class="verdict neutral" aria-label="Verdict">
<p class="label">NOT CHECKED</p>
<p>The certificate store did not answer. This says nothing about the certificate: try again in a minute.</p>
</section>`;
    return { status: 503, body: await layout("Verification unavailable · Lumen", main) };
  }
  const v = check.verification;
  const main = await html`${verdict(v)}
${details(v)}
<p><a href="/certificates/${v.id}/verify">This result as JSON</a> · <a href="/.well-known/jwks.json">The issuer's public keys</a></p>`;
  const title = `${headingOf(v)}${v.certificate ? `: ${v.certificate.courseTitle}` : ""} · Lumen`;
  return { status: 200, body: await layout(title, main) };
}

/** A symbol beside the verdict word, hidden from screen readers (the word says it all). */
const mark = (symbol: string) => html`<span aria-hidden="true">${symbol}</span>`;

const heading = {
  valid: "Valid certificate",
  revoked: "Revoked certificate",
  expired: "Expired certificate",
  invalid: "Invalid certificate",
} as const;

/** A withdrawn certificate is revoked, but says why in its own words (ADR 0027). */
const headingOf = (v: CertificateVerification) =>
  v.reason === "withdrawn" ? "Withdrawn certificate" : heading[v.status];

/** The invalid verdict's first line: a bad signature and a future start date differ. */
const INVALID_LEAD: Record<string, HtmlEscapedString | Promise<HtmlEscapedString>> = {
  not_yet_valid: html`This credential is not valid yet: do not rely on it.`,
};

function verdict(v: CertificateVerification) {
  const title = html`<h1>${headingOf(v)}</h1>`;
  if (v.reason === "withdrawn") {
    const withdrawnAt = v.revocation ? date(v.revocation.revokedAt) : "an unknown date";
    // Nothing about the holder or the course: the holder asked for their data to be erased.
    return html`${title}<section class="verdict revoked" aria-label="Verdict">
<p class="label">${mark("✗")} WITHDRAWN</p>
<p>${v.revocation?.reason ?? "Withdrawn"} on ${withdrawnAt}.</p>
<p>It no longer certifies anything, and its details have been erased.</p>
</section>`;
  }
  if (v.status === "valid") {
    return html`${title}<section class="verdict valid" aria-label="Verdict">
<p class="label">${mark("✓")} VALID</p>
<p>Issued by ${v.certificate?.issuer.name}, signed with its published key, and not revoked.</p>
</section>`;
  }
  if (v.status === "revoked") {
    const revokedAt = v.revocation ? date(v.revocation.revokedAt) : "an unknown date";
    const reason = v.revocation?.reason;
    return html`${title}<section class="verdict revoked" aria-label="Verdict">
<p class="label">${mark("✗")} REVOKED</p>
<p>The issuer revoked this certificate on ${revokedAt}.</p>
${reason ? html`<p>Reason: ${reason}</p>` : ""}
<p>It no longer certifies the achievement below.</p>
</section>`;
  }
  if (v.status === "expired") {
    const until = v.certificate?.validUntil ? date(v.certificate.validUntil) : "an earlier date";
    return html`${title}<section class="verdict expired" aria-label="Verdict">
<p class="label">${mark("⌛")} EXPIRED</p>
<p>Issued by ${v.certificate?.issuer.name} and signed with its published key, but valid only until ${until}.</p>
<p>It certified the achievement below until then; it is no longer current.</p>
</section>`;
  }
  const lead =
    INVALID_LEAD[v.reason ?? ""] ??
    html`This credential's signature does not match: do not trust it.`;
  return html`${title}<section class="verdict invalid" aria-label="Verdict">
<p class="label">${mark("✗")} INVALID</p>
<p><strong>${lead}</strong></p>
<p>${INVALID_DETAIL[v.reason ?? ""] ?? ""}</p>
</section>`;
}

function details(v: CertificateVerification): HtmlEscapedString | Promise<HtmlEscapedString> {
  const c = v.certificate;
  return html`<h2>Details</h2>
<dl>
${
  c
    ? html`<dt>Learner</dt><dd>${c.learnerName}</dd>
<dt>Course</dt><dd>${c.courseTitle}</dd>
<dt>Issued on</dt><dd>${date(c.issuedAt)}</dd>
${c.validUntil ? html`<dt>Valid until</dt><dd>${date(c.validUntil)}</dd>` : ""}
<dt>Issuer</dt><dd>${c.issuer.name} (<code>${c.issuer.id}</code>)</dd>`
    : ""
}
<dt>Certificate id</dt><dd><code>${v.id}</code></dd>
${v.keyId ? html`<dt>Signing key</dt><dd><code>${v.keyId}</code></dd>` : ""}
${v.statusList ? html`<dt>Revocation list</dt><dd><a href="${v.statusList.url}">${v.statusList.url}</a>, entry ${v.statusList.index}</dd>` : ""}
<dt>Checked</dt><dd>${date(v.checkedAt, true)}</dd>
</dl>`;
}
