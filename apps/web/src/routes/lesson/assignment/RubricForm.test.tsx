import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { assignmentFixture } from "./assignment-fixtures";
import { RubricForm } from "./RubricForm";
import { chooseLevel, emptyScores } from "./scores-form";

const { rubric } = assignmentFixture();

function render(errors: Record<string, string> = {}) {
  const form = chooseLevel(emptyScores("sub-1"), "c1", "c1-good");
  return renderToStaticMarkup(
    <RubricForm rubric={rubric} form={form} onChange={() => {}} errors={errors} focusKey={0} />,
  );
}

describe("the rubric form", () => {
  it("groups each criterion's levels under its title, each named with its points", () => {
    const html = render();
    expect(html).toMatch(/<fieldset[^>]*><legend[^>]*>Argument<\/legend>/);
    expect(html).toMatch(
      /<input[^>]*type="radio"[^>]*checked=""[^>]*\/><span>Good — 3 points<\/span>/,
    );
    expect(html).toContain("<span>Weak — 0 points</span>");
    expect(html).toMatch(/<label for="[^"]+">Comment on Style<\/label>/);
  });

  it("marks a required comment and ties an error to its criterion", () => {
    const html = render({ "scores.c1": "Explain your choice for “Argument”." });
    expect(html).toContain('aria-required="true"');
    expect(html).toContain("Explain your choice for “Argument”.");
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"/);
  });
});
