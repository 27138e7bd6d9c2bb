import { escapeHtml, type Locale } from "@lumen/shared";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { rich, type Translate, translator } from "../../i18n";
import type { CertificateCheck, CertificateVerification } from "../types";
import { code, timeElement } from "./format";
import { layout } from "./layout";
import { verdictKind, verdictSection } from "./verdict-section";

/**
 * The page for a check in the visitor's language (from Accept-Language): its HTTP status and
 * the whole HTML document.
 */
export async function certificatePage(
  check: CertificateCheck,
  locale: Locale,
): Promise<{ status: 200 | 404 | 503; body: string }> {
  const t = translator(locale);
  const page = (heading: string, main: HtmlEscapedString) =>
    layout(locale, t("page.title", { heading }), main);
  if (check.kind === "unknown") {
    const main = await html`<h1>${t("unknown.heading")}</h1>
<section class="verdict neutral" aria-label="${t("page.verdict-region")}">
<p class="label">${t("unknown.label")}</p>
<p>${raw(rich(t, "unknown.text", { id: code(check.id) }))}</p>
</section>`;
    return { status: 404, body: await page(t("unknown.heading"), main) };
  }
  if (check.kind === "unavailable") {
    const main = await html`<h1>${t("unavailable.heading")}</h1>
<section class="verdict neutral" aria-label="${t("page.verdict-region")}">
<p class="label">${t("unavailable.label")}</p>
<p>${t("unavailable.text")}</p>
</section>`;
    return { status: 503, body: await page(t("unavailable.title"), main) };
  }
  const v = check.verification;
  const main = await html`${verdictSection(v, locale)}
${details(v, t, locale)}
<p><a href="/certificates/${v.id}/verify">${t("links.json")}</a> · <a href="/.well-known/jwks.json">${t("links.keys")}</a></p>`;
  const heading = t(`${verdictKind(v)}.heading`);
  const title = v.certificate
    ? t("page.title-course", { heading, course: v.certificate.courseTitle })
    : t("page.title", { heading });
  return { status: 200, body: await layout(locale, title, main) };
}

function details(v: CertificateVerification, t: Translate, locale: Locale) {
  const c = v.certificate;
  const list = v.statusList;
  const entry = list
    ? rich(t, "details.revocation-entry", {
        list: `<a href="${escapeHtml(list.url)}">${escapeHtml(list.url)}</a>`,
        index: String(list.index),
      })
    : "";
  return html`<h2>${t("details.heading")}</h2>
<dl>
${
  c
    ? html`<dt>${t("details.learner")}</dt><dd>${c.learnerName}</dd>
<dt>${t("details.course")}</dt><dd>${c.courseTitle}</dd>
<dt>${t("details.issued-on")}</dt><dd>${raw(timeElement(c.issuedAt, locale))}</dd>
${c.validUntil ? html`<dt>${t("details.valid-until")}</dt><dd>${raw(timeElement(c.validUntil, locale))}</dd>` : ""}
<dt>${t("details.issuer")}</dt><dd>${c.issuer.name} (<code>${c.issuer.id}</code>)</dd>`
    : ""
}
<dt>${t("details.certificate-id")}</dt><dd><code>${v.id}</code></dd>
${v.keyId ? html`<dt>${t("details.signing-key")}</dt><dd><code>${v.keyId}</code></dd>` : ""}
${list ? html`<dt>${t("details.revocation-list")}</dt><dd>${raw(entry)}</dd>` : ""}
<dt>${t("details.checked")}</dt><dd>${raw(timeElement(v.checkedAt, locale, true))}</dd>
</dl>`;
}
