import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../lib/i18n/testing";
import { RubricLevelPicker } from "./RubricLevelPicker";
import { levelOptionLabel, pickerFocusId, pickerIds } from "./rubric-picker";

const criterion = {
  id: "c1",
  title: "Argument",
  description: "Is the claim supported?",
  commentRequired: true,
  levels: [
    { id: "l1", label: "Weak", description: "", points: 0 },
    { id: "l2", label: "Fair", description: "Some support.", points: 1 },
    { id: "l3", label: "Strong", description: "", points: 4 },
  ],
};

describe("rubric level picker", () => {
  it("labels each level with its points", () => {
    expect(levelOptionLabel({ label: "Strong", points: 4 })).toBe("Strong — 4 points");
    expect(levelOptionLabel({ label: "Fair", points: 1 })).toBe("Fair — 1 point");
    expect(levelOptionLabel({ label: "", points: 0 })).toBe("Unnamed level — 0 points");
  });

  it("is a group named by the criterion, one radio per level, and a comment marked required", () => {
    const html = renderToStaticMarkup(
      withI18n(
        <RubricLevelPicker
          idPrefix="grade"
          criterion={criterion}
          value={{ levelId: "l3", comment: "" }}
          onChange={() => {}}
          error="Explain your choice for “Argument”."
        />,
      ),
    );
    // The author's words are kept out of translation (translate="no").
    expect(html).toContain('<legend class="legend" translate="no">Argument</legend>');
    expect(html.match(/type="radio"/g)).toHaveLength(3);
    expect(html).toContain('name="grade-c1"');
    expect(html).toMatch(/id="grade-c1-level-l3"[^>]*checked=""/);
    expect(html).toContain(">Strong — 4 points</label>");
    expect(html).toContain("Comment on Argument (required)");
    expect(html).toContain('id="grade-c1-error"');
  });

  it("focuses the first level when none is chosen, else the comment", () => {
    expect(pickerFocusId("grade", criterion, undefined)).toBe(pickerIds("grade", "c1").level("l1"));
    expect(pickerFocusId("grade", criterion, "l2")).toBe("grade-c1-comment");
  });
});
