import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { EMPTY_SEARCH } from "../../lib/catalog-url";
import { i18n } from "../../lib/i18n";
import { withI18n } from "../../lib/i18n/testing";
import { ResultsHeader } from "./ResultsHeader";

/** The polite count above the results, as rendered in the active language. */
async function countIn(locale: "en" | "es" | "ar", total: number, query?: string) {
  const { messages } = await import(`../../locales/${locale}.ts`);
  i18n.loadAndActivate({ locale, messages });
  const html = renderToStaticMarkup(
    withI18n(
      <ResultsHeader
        search={{ ...EMPTY_SEARCH, query }}
        total={total}
        correctedQuery={undefined}
        onSort={() => {}}
      />,
    ),
  );
  return /<p class="count" role="status">(.*?)<\/p>/.exec(html)?.[1];
}

afterEach(() => i18n.loadAndActivate({ locale: "en", messages: {} }));

describe("the result count", () => {
  it("reads in English as before", async () => {
    expect(await countIn("en", 1)).toBe("1 course");
    expect(await countIn("en", 1234, "sql")).toBe("1,234 courses for “sql”");
    expect(await countIn("en", 0)).toBe("No courses");
  });

  it("follows Spanish and Arabic plural rules from the catalogs", async () => {
    expect(await countIn("es", 1)).toBe("1 curso");
    expect(await countIn("es", 3, "sql")).toBe("3 cursos para «sql»");
    expect(await countIn("ar", 2)).toBe("دورتان");
    expect(await countIn("ar", 1)).toBe("دورة واحدة");
    expect(await countIn("ar", 3)).toBe("3 دورات");
    expect(await countIn("ar", 11)).toBe("11 دورة");
  });
});
