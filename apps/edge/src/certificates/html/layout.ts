import { type Locale, textDirection } from "@lumen/shared";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { translator } from "../../i18n";

/**
 * The verification page's only styles. Inline (no second request, prints as one document) and
 * allowed by hash, so the CSP needs no 'unsafe-inline'. Colours are a second channel only: the
 * verdict is always spelled out, and every text colour keeps ≥ 7:1 contrast on its background.
 * Only logical or symmetric box properties, so an Arabic page mirrors from `dir` alone; no
 * letter-spacing on Arabic, where it would pull joined letters apart. On a phone each label
 * sits above its value: beside a long label ("Identificador del certificado") the values had a
 * few letters' width left and broke inside words.
 */
const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
header,main,footer{max-width:42rem;margin:0 auto;padding:1rem 1.25rem}
header p{margin:0;font-weight:600;color:#333}
h1{font-size:1.75rem;margin:.5rem 0 1rem}
.verdict{border:3px solid;border-radius:.5rem;padding:1rem 1.25rem;margin:0 0 1.5rem}
.verdict p{margin:.25rem 0}
.verdict .label{font-size:1.5rem;font-weight:800;letter-spacing:.05em}
.verdict .label:lang(ar){letter-spacing:normal}
.valid{border-color:#0a5c27;background:#eaf6ee;color:#0a4d21}
.revoked,.invalid{border-color:#8c1111;background:#fdeeee;color:#7a0f0f}
.expired{border-color:#6b4700;background:#fff6e0;color:#4d3300}
.neutral{border-color:#444;background:#f3f3f3;color:#1a1a1a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1.25rem;margin:0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
a{color:#0b3d91}
a:focus-visible{outline:3px solid #0b3d91;outline-offset:2px}
footer{border-top:1px solid #ccc;font-size:.9rem}
@media (max-width:30rem){
dl{grid-template-columns:1fr;gap:0}
dd{margin-block-end:.75rem}
}
@media print{
header,footer{display:none}
main{max-width:none}
.verdict{background:#fff;color:#000;border-color:#000}
a{color:#000;text-decoration:none}
}
`;

let styleHash: Promise<string> | undefined;

/** The CSP source for STYLE, computed once per isolate. */
function styleSource(): Promise<string> {
  styleHash ??= crypto.subtle
    .digest("SHA-256", new TextEncoder().encode(STYLE))
    .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  return styleHash;
}

/**
 * Headers for every page: no script may run (there is none), nothing may be loaded or framed,
 * and browsers must not guess another content type. `noindex` keeps learners' names out of
 * search engines; the link is for whoever the learner shares it with.
 */
export async function pageHeaders(): Promise<Record<string, string>> {
  const csp = [
    "default-src 'none'",
    `style-src ${await styleSource()}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex",
    "cache-control": "no-cache",
  };
}

/** A whole document. Every value interpolated with `html` is escaped; `main` already is. */
export async function layout(
  locale: Locale,
  title: string,
  main: HtmlEscapedString,
): Promise<string> {
  const t = translator(locale);
  const page = await html`<!doctype html>
<html lang="${locale}" dir="${textDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header><p>${t("page.header")}</p></header>
<main id="main">
${main}
</main>
<footer><p>${t("page.footer")}</p></footer>
</body>
</html>
`;
  return page.toString();
}
