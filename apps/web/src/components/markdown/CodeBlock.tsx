import { createElement, type ReactNode, useEffect, useState } from "react";
import type { HighlightNode, HighlightTree } from "./highlight";

type Highlighter = typeof import("./highlight");
let loading: Promise<Highlighter> | null = null;
/** The highlighter's chunk, fetched once, the first time a page shows a fenced block. */
const loadHighlighter = () => {
  loading ??= import("./highlight");
  return loading;
};

/**
 * A code block: plain at once, highlighted when the highlighter's chunk has loaded (only for a
 * language it knows). The spans carry highlight.js class names, coloured by Markdown.module.css.
 */
export function CodeBlock({ code, language }: { code: string; language: string }) {
  const [tree, setTree] = useState<HighlightTree | null>(null);
  useEffect(() => {
    setTree(null);
    if (!language) return;
    let current = true;
    loadHighlighter()
      .then(({ highlight }) => {
        if (current) setTree(highlight(code, language));
      })
      // Without the chunk (offline, a failed deploy) the block stays plain, and readable.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code, language]);
  return (
    <pre data-language={language || undefined} translate="no">
      <code>{tree ? tree.children.map(toReact) : code}</code>
    </pre>
  );
}

/** lowlight's tree → elements: only spans with class names, and text. */
export function toReact(node: HighlightNode, index: number): ReactNode {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return null;
  const className = node.properties.className;
  return createElement(
    "span",
    { key: index, className: Array.isArray(className) ? className.join(" ") : undefined },
    node.children.map(toReact),
  );
}
