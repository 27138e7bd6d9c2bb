import { useMemo } from "react";
import { parseMarkdown } from "../lib/markdown/parse";
import s from "./markdown/Markdown.module.css";
import { renderTokens } from "./markdown/render";

/**
 * Author-written Markdown, rendered safely (ADR 0021). `headingBase` maps `#` to a heading
 * level that fits the page (a description under an h2 starts at h3).
 */
export function Markdown({ source, headingBase = 3 }: { source: string; headingBase?: number }) {
  const origin = globalThis.location?.origin ?? null;
  const nodes = useMemo(
    () => renderTokens(parseMarkdown(source), { headingBase, origin }),
    [source, headingBase, origin],
  );
  return <div className={s.prose}>{nodes}</div>;
}
