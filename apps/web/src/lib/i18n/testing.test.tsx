import { Plural, Trans } from "@lingui/react/macro";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "./testing";

describe("withI18n", () => {
  it("renders macros' English source, with ICU plurals", () => {
    const html = renderToStaticMarkup(
      withI18n(
        <p>
          <Trans>Hello</Trans> <Plural value={3} one="# learner" other="# learners" />
        </p>,
      ),
    );
    expect(html).toBe("<p>Hello 3 learners</p>");
  });
});
