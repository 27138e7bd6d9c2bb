import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MenuButton } from "./Menu";

const button = (label: string, buttonText?: string) =>
  renderToStaticMarkup(
    <MenuButton
      label={label}
      buttonText={buttonText}
      options={[{ value: 1, label: "One" }]}
      value={1}
      onChange={() => {}}
    />,
  );

describe("MenuButton's accessible name", () => {
  it("starts with its visible text, so it can be operated by voice (WCAG 2.5.3)", () => {
    expect(button("Playback speed", "1.5×")).toContain('aria-label="1.5× playback speed"');
    expect(button("Quality", "Auto")).toContain('aria-label="Auto quality"');
    expect(button("Quality", "720p")).toContain('aria-label="720p quality"');
  });

  it("is its label when it shows only an icon", () => {
    expect(button("Captions")).toContain('aria-label="Captions"');
  });
});
