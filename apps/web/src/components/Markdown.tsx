import { createElement, type ReactNode, useMemo } from "react";
import { type Block, type Inline, parseMarkdown } from "../lib/markdown";

/**
 * Renders the safe Markdown subset as React elements. `headingBase` maps `#` to a heading
 * level that fits the page (a description under an h2 starts at h3).
 */
export function Markdown({
  source,
  headingBase = 3,
  className = "prose",
}: {
  source: string;
  headingBase?: number;
  className?: string;
}) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className={className}>{renderBlocks(blocks, headingBase)}</div>;
}

export function renderBlocks(blocks: Block[], headingBase = 1): ReactNode[] {
  return blocks.map((block, index) => {
    const key = `${block.type}-${index}`;
    switch (block.type) {
      case "heading": {
        const level = Math.min(6, block.level + headingBase - 1);
        return createElement(`h${level}`, { key }, renderInline(block.children));
      }
      case "paragraph":
        return <p key={key}>{renderInline(block.children)}</p>;
      case "quote":
        return <blockquote key={key}>{renderInline(block.children)}</blockquote>;
      case "code":
        return (
          <pre key={key}>
            <code>{block.text}</code>
          </pre>
        );
      case "rule":
        return <hr key={key} />;
      case "list": {
        const items = block.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but order
          <li key={i}>{renderInline(item)}</li>
        ));
        return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
      }
    }
    return null;
  });
}

export function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${node.type}-${index}`;
    switch (node.type) {
      case "text":
        return node.text;
      case "code":
        return <code key={key}>{node.text}</code>;
      case "strong":
        return <strong key={key}>{renderInline(node.children)}</strong>;
      case "em":
        return <em key={key}>{renderInline(node.children)}</em>;
      case "link":
        return (
          <a key={key} href={node.href} rel="nofollow noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
    }
    return null;
  });
}
