import { t } from "@lingui/core/macro";
import { createElement, type ReactNode } from "react";
import type { Mention } from "../../lib/markdown/mention";
import { safeUrl, type Token } from "../../lib/markdown/parse";
import { CodeBlock } from "./CodeBlock";
import s from "./Markdown.module.css";

/**
 * markdown-it tokens → React elements, from an allowlist: each known token becomes the one
 * element it stands for, an unknown one its text. Nothing is ever set as HTML.
 */
export interface RenderOptions {
  /** `#` becomes this heading level (a description under an h2 starts at h3). */
  headingBase: number;
  /** The page's own origin (null outside a browser), for links and images. */
  origin: string | null;
  /**
   * The active language: our few words here ("opens in a new tab") are in it. Callers that
   * memoise the result key it on this, so a language switch renders again.
   */
  locale?: string;
}

/**
 * Formatting elements allowed in one document; past this, text renders unformatted, so a
 * hostile body cannot make React build hundreds of thousands of elements.
 */
export const MAX_ELEMENTS = 10_000;

/**
 * Where our own storage serves images from (same origin only): anything under `/media/`, and
 * a forum image exactly as the API serves it, `/api/forum-images/<uuid>` with nothing after.
 * Any other image is never fetched.
 */
export const IMAGE_PATHS: readonly RegExp[] = [
  /^\/media\//,
  /^\/api\/forum-images\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
];

const isOurImage = (url: URL) =>
  IMAGE_PATHS.some((path) => path.test(url.pathname)) &&
  (url.pathname.startsWith("/media/") || (url.search === "" && url.hash === ""));

const BLOCK_TAGS: Record<string, string> = {
  paragraph_open: "p",
  blockquote_open: "blockquote",
  bullet_list_open: "ul",
  ordered_list_open: "ol",
  list_item_open: "li",
  table_open: "table",
  thead_open: "thead",
  tbody_open: "tbody",
  tr_open: "tr",
  th_open: "th",
  td_open: "td",
};
const INLINE_TAGS: Record<string, string> = {
  em_open: "em",
  strong_open: "strong",
  s_open: "s",
};
const ALIGN: Record<string, string | undefined> = {
  "text-align:left": s.alignLeft,
  "text-align:center": s.alignCenter,
  "text-align:right": s.alignRight,
};

interface Frame {
  /** null: a container whose children go straight to its parent (a tight list's paragraph). */
  type: string | null;
  props: Record<string, unknown>;
  children: ReactNode[];
  /** Appended when the frame closes (a link's "opens in a new tab"). */
  suffix?: ReactNode;
}

export function renderTokens(tokens: Token[], options: RenderOptions): ReactNode[] {
  const budget = { left: MAX_ELEMENTS };
  const root: Frame = { type: null, props: {}, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const add = (node: ReactNode) => top().children.push(node);
  for (const token of tokens) {
    if (token.nesting === 1) {
      stack.push(openBlock(token, options, budget));
    } else if (token.nesting === -1) {
      if (stack.length > 1) close(stack.pop() as Frame, top());
    } else if (token.type === "inline") {
      for (const node of renderInline(token.children ?? [], options, budget)) add(node);
    } else if (token.type === "fence" || token.type === "code_block") {
      const language = token.info.trim().split(/\s+/)[0] ?? "";
      add(<CodeBlock key={top().children.length} code={token.content} language={language} />);
    } else if (token.type === "hr") {
      add(<hr key={top().children.length} />);
    } else {
      add(token.content);
    }
  }
  while (stack.length > 1) close(stack.pop() as Frame, top());
  return root.children;
}

function openBlock(token: Token, { headingBase }: RenderOptions, budget: { left: number }): Frame {
  const props: Record<string, unknown> = {};
  let type: string | null = BLOCK_TAGS[token.type] ?? null;
  if (token.type === "heading_open") {
    type = `h${Math.min(6, Number(token.tag.slice(1)) + headingBase - 1)}`;
  } else if (token.type === "paragraph_open" && token.hidden) {
    type = null;
  } else if (token.type === "ordered_list_open") {
    const start = Number(token.attrGet("start") ?? 1);
    if (Number.isSafeInteger(start) && start !== 1) props.start = start;
  } else if (token.type === "th_open" || token.type === "td_open") {
    const align = ALIGN[token.attrGet("style") ?? ""];
    if (align) props.className = align;
  }
  if (type && budget.left-- <= 0) type = null;
  return { type, props, children: [] };
}

function close(frame: Frame, parent: Frame) {
  if (frame.type === null) {
    for (const child of frame.children) parent.children.push(child);
    return;
  }
  const key = parent.children.length;
  const children = frame.suffix ? [...frame.children, frame.suffix] : frame.children;
  // Children as an array (every element in it has a key): a list can have thousands.
  parent.children.push(createElement(frame.type, { ...frame.props, key, children }));
}

function renderInline(tokens: Token[], options: RenderOptions, budget: { left: number }) {
  const root: Frame = { type: null, props: {}, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const add = (node: ReactNode) => top().children.push(node);
  for (const token of tokens) {
    if (token.nesting === -1) {
      if (stack.length > 1) close(stack.pop() as Frame, top());
      continue;
    }
    const spend = () => budget.left-- > 0;
    const key = top().children.length;
    switch (token.type) {
      case "text":
        add(token.content);
        break;
      case "softbreak":
        add("\n");
        break;
      case "hardbreak":
        add(spend() ? <br key={key} /> : "\n");
        break;
      case "code_inline":
        add(spend() ? <code key={key}>{token.content}</code> : token.content);
        break;
      case "mention": {
        const mention = asMention(token.meta);
        if (mention)
          add(spend() ? <MentionChip key={key} mention={mention} /> : `@${mention.name}`);
        break;
      }
      case "image":
        add(spend() ? image(token, options.origin, key) : imageAlt(token));
        break;
      case "link_open":
        stack.push(spend() ? linkFrame(token, options.origin) : plain());
        break;
      default:
        if (token.nesting === 1) {
          const tag = INLINE_TAGS[token.type];
          stack.push(tag && spend() ? { type: tag, props: {}, children: [] } : plain());
        } else {
          add(token.content);
        }
    }
  }
  while (stack.length > 1) close(stack.pop() as Frame, top());
  return root.children;
}

const plain = (): Frame => ({ type: null, props: {}, children: [] });

/**
 * Author-written links: no ranking credit, no handle on this window, no referrer. Links to
 * another site open in a new tab (a learner keeps the lesson) and say so to screen readers.
 */
function linkFrame(token: Token, origin: string | null): Frame {
  const target = resolve(String(token.attrGet("href") ?? ""), origin);
  if (!target) return plain();
  const props = { href: target.href, rel: "nofollow ugc noopener noreferrer" };
  if (!target.external) return { type: "a", props, children: [] };
  return { type: "a", props: { ...props, target: "_blank" }, children: [], suffix: newTab() };
}

// Built while rendering (the global i18n's language), so renders outside a provider work too.
const newTab = () => (
  <span key="new-tab" className="visually-hidden">
    {" "}
    {t`(opens in a new tab)`}
  </span>
);

/** An image from our own storage; any other stays unfetched: a link to it, or its alt text. */
function image(token: Token, origin: string | null, key: number): ReactNode {
  const alt = imageAlt(token);
  const target = resolve(String(token.attrGet("src") ?? ""), origin);
  if (!target) return alt;
  const { url } = target;
  if (origin && !target.external && isOurImage(url)) {
    return <img key={key} src={target.href} alt={alt} loading="lazy" />;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return alt;
  return (
    <a key={key} href={target.href} rel="nofollow ugc noopener noreferrer" target="_blank">
      {imageLinkText(alt || url.hostname)}
      {newTab()}
    </a>
  );
}

function imageLinkText(name: string): string {
  return t`Image: ${name}`;
}

function imageAlt(token: Token): string {
  return (token.children ?? []).map((child) => child.content).join("");
}

/**
 * A link target made absolute against the page (outside a browser, against a placeholder
 * origin that counts as ours), if its scheme is one we keep.
 */
function resolve(
  raw: string,
  origin: string | null,
): { url: URL; href: string; external: boolean } | null {
  const safe = safeUrl(raw);
  if (safe === null) return null;
  const base = origin ?? PLACEHOLDER;
  let url: URL;
  try {
    url = new URL(safe, base);
  } catch {
    return null;
  }
  if (!["http:", "https:", "mailto:"].includes(url.protocol)) return null;
  const external = url.origin !== new URL(base).origin;
  // Outside a browser a relative link keeps its relative form.
  const href = !external && !origin ? url.href.slice(PLACEHOLDER.length) : url.href;
  return { url, href, external };
}

const PLACEHOLDER = "https://page.invalid";

function asMention(meta: Record<string, unknown> | null): Mention | null {
  const { name, userId } = meta ?? {};
  return typeof name === "string" && typeof userId === "string" ? { name, userId } : null;
}

function MentionChip({ mention }: { mention: Mention }) {
  return (
    <span className={s.mention} data-user-id={mention.userId}>
      @{mention.name}
    </span>
  );
}
