import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { mentionMarkup } from "../lib/markdown/mention";
import { parseMarkdown, safeUrl } from "../lib/markdown/parse";
import { Markdown } from "./Markdown";
import { MAX_ELEMENTS, renderTokens } from "./markdown/render";

/** Static markup without React's separators between adjacent text nodes. */
const markup = (node: ReactNode) => renderToStaticMarkup(node).replaceAll("", "");
const html = (source: string) => markup(<Markdown source={source} headingBase={1} />);
/** As rendered on a page served from `origin` (the tests run outside a browser). */
const onPage = (source: string, origin = "https://lumen.test") =>
  markup(renderTokens(parseMarkdown(source), { headingBase: 1, origin }));

describe("Markdown rendering", () => {
  it("renders CommonMark as elements", () => {
    expect(html("## Title\n\nSome **bold**, *em*, `code` and [a link](https://lumen.dev).")).toBe(
      '<div class="prose" translate="no"><h2>Title</h2><p>Some <strong>bold</strong>, <em>em</em>, ' +
        '<code>code</code> and <a href="https://lumen.dev/" rel="nofollow ugc noopener noreferrer" ' +
        'target="_blank">a link<span class="visually-hidden"> (opens in a new tab)</span>' +
        "</a>.</p></div>",
    );
  });

  it("renders lists, quotes, rules, GFM tables and strikethrough", () => {
    const out = onPage(
      "3. three\n4. four\n\n- a\n- b\n\n> quoted\n\n---\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~gone~~",
    );
    expect(out).toContain('<ol start="3"><li>three</li>');
    expect(out).toContain("<ul><li>a</li><li>b</li></ul>");
    expect(out).toContain("<blockquote><p>quoted</p></blockquote>");
    expect(out).toContain("<hr/>");
    expect(out).toContain('<th class="alignLeft">a</th>');
    expect(out).toContain('<td class="alignRight">2</td>');
    expect(out).toContain("<s>gone</s>");
  });

  it("links within Lumen stay in the tab; links elsewhere open a new one and say so", () => {
    expect(onPage("[next](/courses/a) and [abs](https://lumen.test/b)")).toBe(
      '<p><a href="https://lumen.test/courses/a" rel="nofollow ugc noopener noreferrer">next</a>' +
        ' and <a href="https://lumen.test/b" rel="nofollow ugc noopener noreferrer">abs</a></p>',
    );
    expect(onPage("see https://docs.example/x")).toBe(
      '<p>see <a href="https://docs.example/x" rel="nofollow ugc noopener noreferrer" ' +
        'target="_blank">https://docs.example/x<span class="visually-hidden"> ' +
        "(opens in a new tab)</span></a></p>",
    );
  });

  it("shows images from our own storage only; others as a link, never fetched", () => {
    expect(onPage("![A fold](/media/covers/fold.png)")).toBe(
      '<p><img src="https://lumen.test/media/covers/fold.png" alt="A fold" loading="lazy"/></p>',
    );
    // Our origin but not a storage path (an API route that answers with an image, say).
    expect(onPage("![x](/api/anything.png)")).not.toContain("<img");
    const elsewhere = onPage("![a pixel](https://tracker.example/pixel.gif)");
    expect(elsewhere).not.toContain("<img");
    expect(elsewhere).toContain('<a href="https://tracker.example/pixel.gif"');
    expect(elsewhere).toContain("Image: a pixel");
    // Outside a browser there is no own origin: no image at all.
    expect(html("![A fold](/media/covers/fold.png)")).not.toContain("<img");
  });

  it("shifts headings to fit the page and caps them at h6", () => {
    expect(markup(<Markdown source={"# A\n###### B"} headingBase={3} />)).toBe(
      '<div class="prose" translate="no"><h3>A</h3><h6>B</h6></div>',
    );
  });

  it("renders a mention as a chip that links nowhere", () => {
    const source = `Thanks ${mentionMarkup({ name: "Ada Lovelace", userId: "u_123-x" })}!`;
    expect(source).toBe("Thanks @[Ada Lovelace](user:u_123-x)!");
    expect(onPage(source)).toBe(
      '<p>Thanks <span class="mention" data-user-id="u_123-x">@Ada Lovelace</span>!</p>',
    );
    // Without the @ it is a link to a scheme we refuse: literal text.
    expect(onPage("[Ada](user:u1)")).toBe("<p>[Ada](user:u1)</p>");
    // A name cannot smuggle brackets or lines into the markup.
    expect(mentionMarkup({ name: "a]\n(x", userId: "u1" })).toBe("@[a  (x](user:u1)");
  });

  it("code blocks render plain first, with their language noted", () => {
    expect(html("```ts\nconst a = '<b>';\n```")).toBe(
      '<div class="prose" translate="no"><pre data-language="ts" translate="no"><code>const a = &#x27;&lt;b&gt;&#x27;;\n' +
        "</code></pre></div>",
    );
  });

  it("stops formatting past the element budget, keeping the text", () => {
    const out = onPage("*a* ".repeat(MAX_ELEMENTS + 50));
    expect(out.match(/<em>/g)?.length).toBe(MAX_ELEMENTS - 1);
    expect(out.endsWith("a a a</p>")).toBe(true);
  });

  it("keeps only link schemes a reader can follow safely", () => {
    for (const ok of ["https://a.dev", "http://a.dev", "mailto:a@b.dev", "/x", "#top", "?q=1"]) {
      expect(safeUrl(ok), ok).toBe(ok);
    }
    for (const bad of [
      "javascript:x",
      " JaVaScRiPt:x",
      "vbscript:x",
      "data:text/html,x",
      "file:///x",
      "user:1",
      "\\\\evil",
    ]) {
      expect(safeUrl(bad), bad).toBeNull();
    }
  });
});
