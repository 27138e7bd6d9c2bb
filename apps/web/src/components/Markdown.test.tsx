import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} headingBase={1} />);

describe("Markdown rendering", () => {
  it("renders the subset as elements", () => {
    expect(html("## Title\n\nSome **bold** and [a link](https://lumen.dev).")).toBe(
      '<div class="prose"><h2>Title</h2><p>Some <strong>bold</strong> and ' +
        '<a href="https://lumen.dev/" rel="nofollow noopener noreferrer">a link</a>.</p></div>',
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
