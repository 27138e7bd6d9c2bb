import type { Page } from "playwright-core";

/**
 * Words that may stay as they are in pseudo-localisation, with the reason: anything else in
 * plain ASCII letters bypassed the catalog.
 */
const ALLOWED = new Set([
  // The brand is the same in every language.
  "Lumen",
  // Intl formats pseudo-localisation as English (lib/i18n intlLocale): month names, relative words.
  ..."Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec AM PM ago in yesterday tomorrow now".split(
    " ",
  ),
  ..."second seconds minute minutes hour hours day days week weeks month months year years".split(
    " ",
  ),
  ..."sec min hr wk mo yr".split(" "),
  // Time zone names Intl appends (the analytics "as of" time).
  "UTC",
  "GMT",
  // Compact number suffixes (Intl): 3.4K, 1.2M.
  "K",
  "M",
  // Language names from Intl.DisplayNames (the catalog's and course page's language), English
  // in pseudo-localisation for the same reason as the dates.
  ..."English Spanish French German Portuguese Japanese Italian Chinese Arabic".split(" "),
]);

/**
 * A pseudo-localised letter (accented Latin): a text holding one came through the catalog, and
 * its plain words are values put into the message (a course title in "Lessons in {title}").
 */
const PSEUDO_LETTER = /[\u00C0-\u024F\u1E00-\u1EFF]/u;

/**
 * The visible text and accessible names (aria-label, title, placeholder, alt) of the page, outside
 * `[translate="no"]` (user and course content) and keys/code, that hold a word in plain ASCII
 * (not pseudo-localised), each with its first such word. Pseudo-localisation accents every
 * letter but v and x.
 */
export async function untranslatedWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // A textarea's text is what the user typed (its value), never a UI string.
    const SKIP =
      "script, style, noscript, template, kbd, code, pre, svg, textarea, [translate='no']";
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest(SKIP) || !parent.checkVisibility()) continue;
      out.push(text);
    }
    for (const element of document.body.querySelectorAll(
      "[aria-label], [title], [placeholder], img[alt]",
    )) {
      if (element.closest(SKIP)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
  const offenders = new Set<string>();
  for (const text of texts) {
    if (PSEUDO_LETTER.test(text)) continue;
    const word = (text.match(/\p{L}+/gu) ?? []).find(
      // One-letter words ("a", "I") are too short to tell; pseudo-localised text has none.
      (w) => w.length > 1 && /^[A-Za-z]+$/.test(w) && !/^[vxVX]+$/.test(w) && !ALLOWED.has(w),
    );
    if (word) offenders.add(`“${text.slice(0, 90)}” (${word})`);
  }
  return [...offenders];
}
