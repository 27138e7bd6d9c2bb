/**
 * The code highlighter, a lazy chunk of its own (CodeBlock imports it on first use): lowlight
 * (highlight.js grammars, output as a tree, never HTML) with the languages courses teach.
 */
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import css from "highlight.js/lib/languages/css";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import { createLowlight } from "lowlight";

const lowlight = createLowlight({
  bash,
  c,
  cpp,
  css,
  go,
  java,
  javascript,
  json,
  markdown,
  python,
  rust,
  sql,
  typescript,
  xml,
  yaml,
});

export type HighlightTree = ReturnType<typeof lowlight.highlight>;
export type HighlightNode = HighlightTree["children"][number];

/** Longer blocks stay plain: highlighting is a nicety, not worth a frozen tab. */
export const HIGHLIGHT_MAX_LENGTH = 20_000;

/** The block's tree of spans, or null for an unknown language (or none) or a huge block. */
export function highlight(code: string, language: string): HighlightTree | null {
  const name = language.toLowerCase();
  if (!name || code.length > HIGHLIGHT_MAX_LENGTH || !lowlight.registered(name)) return null;
  return lowlight.highlight(name, code);
}
