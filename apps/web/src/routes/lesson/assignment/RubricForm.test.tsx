import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../../lib/i18n/testing";
import { assignmentFixture } from "./assignment-fixtures";
import { RubricForm } from "./RubricForm";
import { chooseLevel, emptyScores } from "./scores-form";

const { rubric } = assignmentFixture();

function render(errors: Record<string, string> = {}) {
  const form = chooseLevel(emptyScores("sub-1"), "c1", "c1-good");
  return renderToStaticMarkup(
    withI18n(
      <RubricForm rubric={rubric} form={form} onChange={() => {}} errors={errors} focusKey={0} />,
    ),
  );
}

describe("the rubric form", () => {
  it("groups each criterion's levels under its title, each named with its points", () => {
    const html = render();
    expect(html).toMatch(/<fieldset[^>]*><legend[^>]*>Argument<\/legend>/);
    expect(html).toMatch(/<input id="[^"]*-c1-good"[^>]*checked=""/);
    expect(html).toMatch(/<label for="[^"]+">Good — 3 points<\/label>/);
    expect(html).toMatch(/<label for="[^"]+">Weak — 0 points<\/label>/);
    expect(html).toMatch(/<label for="[^"]+">Comment on Style \(optional\)<\/label>/);
  });

  it("marks a required comment and ties an error to its criterion", () => {
    const html = render({ "scores.c1": "Explain your choice for “Argument”." });
    expect(html).toContain("Comment on Argument (required)");
    expect(html).toContain("Explain your choice for “Argument”.");
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"/);
  });
});
