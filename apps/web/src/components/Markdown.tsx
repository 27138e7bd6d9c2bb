import { createElement, type ReactNode, useMemo } from "react";
import { type Block, type Inline, parseMarkdown } from "../lib/markdown";
import s from "./Markdown.module.css";

/**
 * Renders the safe Markdown subset as React elements. `headingBase` maps `#` to a heading
 * level that fits the page (a description under an h2 starts at h3).
 */
export function Markdown({ source, headingBase = 3 }: { source: string; headingBase?: number }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  const origin = globalThis.location?.origin ?? null;
  return <div className={s.prose}>{renderBlocks(blocks, headingBase, origin)}</div>;
}

/** `origin`: the page's own origin (null outside a browser), for links and images. */
export function renderBlocks(blocks: Block[], headingBase = 1, origin: string | null = null) {
  const inline = (nodes: Inline[]) => renderInline(nodes, origin);
  return blocks.map((block, index) => {
    const key = `${block.type}-${index}`;
    switch (block.type) {
      case "heading": {
        const level = Math.min(6, block.level + headingBase - 1);
        return createElement(`h${level}`, { key }, inline(block.children));
      }
      case "paragraph":
        return <p key={key}>{inline(block.children)}</p>;
      case "quote":
        return <blockquote key={key}>{inline(block.children)}</blockquote>;
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
          <li key={i}>{inline(item)}</li>
        ));
        return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
      }
    }
    return null;
  });
}

export function renderInline(nodes: Inline[], origin: string | null = null): ReactNode[] {
  return nodes.map((node, index) => {
    if (node.type === "text") return node.text;
    const key = `${node.type}-${index}`;
    switch (node.type) {
      case "code":
        return <code key={key}>{node.text}</code>;
      case "strong":
        return <strong key={key}>{renderInline(node.children, origin)}</strong>;
      case "em":
        return <em key={key}>{renderInline(node.children, origin)}</em>;
      case "link":
        return (
          <ExternalAwareLink key={key} href={node.href} origin={origin}>
            {renderInline(node.children, origin)}
          </ExternalAwareLink>
        );
      case "image": {
        const src = ownOrigin(node.src, origin);
        // An image elsewhere would let an author track every reader: its alt text shows instead.
        return src ? <img key={key} src={src} alt={node.alt} loading="lazy" /> : node.alt;
      }
    }
    return null;
  });
}

/**
 * Author-written links: no ranking credit, no handle on this window, no referrer. Links to
 * another site open in a new tab (a learner keeps the lesson), and say so to screen readers.
 */
function ExternalAwareLink({
  href,
  origin,
  children,
}: {
  href: string;
  origin: string | null;
  children: ReactNode;
}) {
  const external = new URL(href).origin !== origin;
  return (
    <a href={href} rel="nofollow ugc noopener noreferrer" target={external ? "_blank" : undefined}>
      {children}
      {external && <span className="visually-hidden"> (opens in a new tab)</span>}
    </a>
  );
}

/** The image URL resolved against the page, if it is on the page's own origin. */
export function ownOrigin(src: string, origin: string | null): string | null {
  if (!origin || !src.trim()) return null;
  try {
    const url = new URL(src, origin);
    const web = url.protocol === "http:" || url.protocol === "https:";
    return web && url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}
