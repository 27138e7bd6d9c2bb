import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../lib/markdown";
import { Markdown, renderBlocks } from "./Markdown";

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} headingBase={1} />);
/** As rendered on a page served from `origin` (the tests run outside a browser). */
const onPage = (source: string, origin = "https://lumen.test") =>
  renderToStaticMarkup(renderBlocks(parseMarkdown(source), 1, origin));

describe("Markdown rendering", () => {
  it("renders the subset as elements", () => {
    expect(html("## Title\n\nSome **bold** and [a link](https://lumen.dev).")).toBe(
      '<div class="prose"><h2>Title</h2><p>Some <strong>bold</strong> and ' +
        '<a href="https://lumen.dev/" rel="nofollow ugc noopener noreferrer" target="_blank">' +
        'a link<span class="visually-hidden"> (opens in a new tab)</span></a>.</p></div>',
    );
  });

  it("links within Lumen stay in the tab; links elsewhere open a new one and say so", () => {
    expect(onPage("[next](https://lumen.test/courses/a)")).toBe(
      '<p><a href="https://lumen.test/courses/a" rel="nofollow ugc noopener noreferrer">next</a></p>',
    );
    expect(onPage("[docs](https://docs.example/x)")).toBe(
      '<p><a href="https://docs.example/x" rel="nofollow ugc noopener noreferrer" ' +
        'target="_blank">docs<span class="visually-hidden"> (opens in a new tab)</span></a></p>',
    );
  });

  it("shows images from the page's own origin only; elsewhere their alt text", () => {
    expect(onPage("![A fold](/media/covers/fold.png)")).toBe(
      '<p><img src="https://lumen.test/media/covers/fold.png" alt="A fold" loading="lazy"/></p>',
    );
    expect(onPage("![Same site](https://lumen.test/media/a.png)")).toContain(
      '<img src="https://lumen.test/media/a.png"',
    );
    for (const src of [
      "https://tracker.example/pixel.gif",
      "//tracker.example/pixel.gif",
      "javascript:alert(1)",
      "data:image/svg+xml,<svg onload=alert(1)>",
      "",
    ]) {
      expect(onPage(`![a pixel](${src})`), src).toBe("<p>a pixel</p>");
    }
    // Outside a browser there is no own origin: no image at all.
    expect(html("![A fold](/media/covers/fold.png)")).toBe(
      '<div class="prose"><p>A fold</p></div>',
    );
  });

  it("shifts headings to fit the page and caps them at h6", () => {
    expect(renderToStaticMarkup(<Markdown source={"# A\n###### B"} headingBase={3} />)).toBe(
      '<div class="prose"><h3>A</h3><h6>B</h6></div>',
    );
  });

  // Payloads from the OWASP XSS filter evasion cheat sheet and friends.
  const payloads = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click]( javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '[x](https://ok.dev" onmouseover="alert(1))',
    "**<iframe src=javascript:alert(1)>**",
    "`<script>alert(1)</script>`",
    "```\n</code></pre><script>alert(1)</script>\n```",
    "# <style>body{display:none}</style>",
    "- <b onclick=alert(1)>item</b>",
    "> <object data=javascript:alert(1)>",
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](https://lumen.dev/a.png)',
    "![x](https://evil.example/pixel.gif)",
  ];

  it.each(payloads)("never produces live markup from %s", (payload) => {
    const out = html(payload);
    expect(out).not.toMatch(/<(script|img|svg|iframe|style|object|b)\b/i);
    expect(out).not.toMatch(/href="(?!https?:)/i);
    // Text is escaped, so every "<" left in the output opens a real element.
    expect(out).not.toMatch(/<[^>]*\son\w+=/i);
    expect(out).not.toContain('javascript:alert(1)"');
  });

  it("keeps the author's text visible, escaped", () => {
    expect(html("<script>alert(1)</script>")).toBe(
      '<div class="prose"><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></div>',
    );
    expect(html("[click](javascript:alert(1))")).toBe('<div class="prose"><p>click</p></div>');
  });

  it("a quote in a URL cannot break out of the attribute", () => {
    const out = html('[x](https://ok.dev/"onmouseover="alert(1))');
    expect(out).toContain('href="https://ok.dev/%22onmouseover=%22alert(1)"');
  });
});
