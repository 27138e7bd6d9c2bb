import { useMemo } from "react";
import { useActiveLocale } from "../lib/i18n/use-active-locale";
import { parseMarkdown } from "../lib/markdown/parse";
import s from "./markdown/Markdown.module.css";
import { renderTokens } from "./markdown/render";

/**
 * Author-written Markdown, rendered safely (ADR 0021). `headingBase` maps `#` to a heading
 * level that fits the page (a description under an h2 starts at h3).
 */
export function Markdown({ source, headingBase = 3 }: { source: string; headingBase?: number }) {
  const origin = globalThis.location?.origin ?? null;
  // The language is a dependency: a link's "(opens in a new tab)" is in it.
  const locale = useActiveLocale();
  const nodes = useMemo(
    () => renderTokens(parseMarkdown(source), { headingBase, origin, locale }),
    [source, headingBase, origin, locale],
  );
  // Authors' words: kept out of translation (and out of the pseudo-localisation check).
  return (
    <div className={s.prose} translate="no">
      {nodes}
    </div>
  );
}
