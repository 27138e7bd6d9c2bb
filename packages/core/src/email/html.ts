import { escapeHtml } from "@lumen/shared";

/**
 * HTML for emails: a tagged template that escapes every interpolated value unless it is
 * already `SafeHtml` (built by this same tag). User content (thread titles, names, bodies)
 * can therefore only ever arrive as text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Value = SafeHtml | string | number | readonly SafeHtml[];

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    if (value instanceof SafeHtml) out += value.value;
    else if (Array.isArray(value)) out += value.map((v: SafeHtml) => v.value).join("");
    else out += escapeHtml(String(value));
    out += strings[i + 1] ?? "";
  });
  return new SafeHtml(out);
}
