/**
 * Physical left/right in CSS (what does not mirror in right-to-left): `margin-left`,
 * `padding-right`, `border-left…`, `left:`/`right:`, `text-align`/`float`/`clear` left or right,
 * a four-value margin/padding/inset whose right and left differ, gradients "to left/right".
 * Used by the test that keeps the SPA's stylesheets logical (ADR 0028).
 */
export interface PhysicalDeclaration {
  property: string;
  line: number;
  text: string;
}

const PHYSICAL_PROPERTY =
  /^(?:(?:margin|padding|scroll-margin|scroll-padding)-(?:left|right)|border-(?:left|right)(?:-\w+)?|border-(?:top|bottom)-(?:left|right)-radius|left|right)$/;
const DIRECTIONAL_VALUE = /^(?:text-align|float|clear)$/;
const FOUR_SIDES = /^(?:margin|padding|inset|scroll-margin|scroll-padding|border-width)$/;

export function physicalDeclarations(css: string): PhysicalDeclaration[] {
  const found: PhysicalDeclaration[] = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "));
  const declaration = /([a-z-]+)\s*:\s*([^;{}]+)/g;
  for (const match of withoutComments.matchAll(declaration)) {
    const [text, property = "", value = ""] = match;
    const line = withoutComments.slice(0, match.index).split("\n").length;
    if (isPhysical(property, value.trim())) found.push({ property, line, text: text.trim() });
  }
  return found;
}

function isPhysical(property: string, value: string): boolean {
  if (PHYSICAL_PROPERTY.test(property)) return true;
  if (DIRECTIONAL_VALUE.test(property)) return /\b(?:left|right)\b/.test(value);
  if (FOUR_SIDES.test(property)) {
    const sides = value.split(/\s+(?![^(]*\))/);
    return sides.length === 4 && sides[1] !== sides[3];
  }
  return /\bto (?:left|right)\b/.test(value);
}
