// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

// React's act() needs to know it runs in a test environment.
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const roots: Root[] = [];
// Unmounted inside act, so no render React scheduled (a lazy highlighter arriving, say) runs
// after the file's DOM is gone: on a loaded CI machine one did, as "window is not defined".
afterEach(async () => {
  await act(async () => {
    for (const root of roots.splice(0)) root.unmount();
  });
});

/** Rendered into a real DOM (jsdom, on a page at http://localhost:3000/): what a reader gets. */
async function render(source: string): Promise<HTMLElement> {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  await act(async () => root.render(<Markdown source={source} headingBase={2} />));
  return container;
}

const ALLOWED = new Set(
  "div p h2 h3 h4 h5 h6 em strong s code pre a span ul ol li blockquote hr br table thead tbody tr th td img".split(
    " ",
  ),
);
const ATTRIBUTES = new Set([
  "class",
  "href",
  "rel",
  "target",
  "src",
  "alt",
  "loading",
  "start",
  "data-language",
  "data-user-id",
  // The wrapper's and code blocks' translate="no" (ours: authors' words are not UI text).
  "translate",
]);

/** Every element and attribute is on the allowlist, and nothing can run or fetch elsewhere. */
function expectInert(root: HTMLElement) {
  for (const element of root.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    expect(ALLOWED.has(tag), `<${tag}>`).toBe(true);
    for (const { name, value } of element.attributes) {
      expect(ATTRIBUTES.has(name), `${tag}[${name}]`).toBe(true);
      if (name === "href") expect(new URL(value).protocol, value).toMatch(/^(https?|mailto):$/);
      if (name === "src") expect(new URL(value).origin, value).toBe(location.origin);
    }
  }
}

// Payloads from the OWASP XSS filter evasion cheat sheet and friends.
const PAYLOADS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<svg/onload=alert(1)>",
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<a href="javascript:alert(1)">x</a>',
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click]( javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](javascript&colon;alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](<javascript:alert(1)>)",
  "<javascript:alert(1)>",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "[ref]\n\n[ref]: javascript:alert(1)",
  '[x](https://ok.dev" onmouseover="alert(1))',
  '[x](https://ok.dev "title" onmouseover=alert(1))',
  "**<iframe src=javascript:alert(1)>**",
  "`<script>alert(1)</script>`",
  "```\n</code></pre><script>alert(1)</script>\n```",
  "```html\n<img src=x onerror=alert(1)>\n```",
  "# <style>body{display:none}</style>",
  "- <b onclick=alert(1)>item</b>",
  "> <object data=javascript:alert(1)>",
  "<details open ontoggle=alert(1)>",
  "![x](javascript:alert(1))",
  '![x" onerror="alert(1)](/media/a.png)',
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![x](data:image/png;base64,iVBORw0KGgo=)",
  "![x](https://evil.example/pixel.gif)",
  "[![x](https://evil.example/p.gif)](javascript:alert(1))",
  "@[<img src=x onerror=alert(1)>](user:abc)",
  '@[x](user:abc" onclick="alert(1))',
  "[a](https://ok.dev)<!-- --><script>alert(1)</script>",
  "<<script>script>alert(1)<</script>/script>",
];

describe("hostile Markdown renders inert in the DOM", () => {
  it.each(PAYLOADS)("%s", async (payload) => {
    const root = await render(payload);
    expectInert(root);
    expect(root.querySelector("script, iframe, svg, object, style, details, b")).toBeNull();
  });

  it("keeps the author's text visible as text", async () => {
    const root = await render("<script>alert(1)</script> and [click](javascript:alert(1))");
    expect(root.textContent).toBe("<script>alert(1)</script> and [click](javascript:alert(1))");
    expect(root.querySelector("a")).toBeNull();
  });

  it("shows an image from our storage, and no other", async () => {
    const root = await render(
      `![ours](${location.origin}/media/x.png) ![theirs](https://evil.example/p.gif)`,
    );
    const images = [...root.querySelectorAll("img")].map((img) => img.getAttribute("src"));
    expect(images).toEqual([`${location.origin}/media/x.png`]);
    expect(root.querySelector('a[href="https://evil.example/p.gif"]')?.textContent).toContain(
      "Image: theirs",
    );
  });

  it("shows a forum image only from its exact API path on our origin", async () => {
    const id = "0b6f4a3e-2c1d-4e5f-9a8b-7c6d5e4f3a2b";
    const ours = `${location.origin}/api/forum-images/${id}`;
    const lookAlikes = [
      `https://evil.example/api/forum-images/${id}`,
      `/api/forum-images/${id}/x.svg`,
      `/api/forum-images/${id}?v=1`,
      "/api/forum-images/not-a-uuid",
      `/api/forum-images-x/${id}`,
      `/api/forum-images/${id.toUpperCase()}`,
    ];
    const root = await render(
      [`![sketch](/api/forum-images/${id})`, ...lookAlikes.map((src) => `![x](${src})`)].join(" "),
    );
    const images = [...root.querySelectorAll("img")].map((img) => img.getAttribute("src"));
    expect(images).toEqual([ours]);
    expect(root.querySelector("img")?.getAttribute("alt")).toBe("sketch");
    expect(root.querySelectorAll("a")).toHaveLength(lookAlikes.length);
  });
});
