import { isTextSchema } from "@lumen/shared";
import type { z } from "zod";

/**
 * Where a schema takes a string that was not built by `text()` from @lumen/shared: the paths
 * of bare `z.string()`s. Formats (uuid, ISO datetime) and enums/literals are fine: they admit
 * no control characters. Only a pipe's input side is walked: its output side sees what the
 * input side produced, never the client's bytes.
 */
export function plainStrings(schema: z.core.$ZodType, at = "input"): string[] {
  // $ZodTypes is zod's union of every schema kind: switching on `type` narrows the def.
  const def = (schema as z.core.$ZodTypes)._zod.def;
  const walk = (inner: z.core.$ZodType, suffix = "") => plainStrings(inner, `${at}${suffix}`);
  switch (def.type) {
    case "string":
      return isTextSchema(schema) || "format" in def ? [] : [at];
    case "object":
      return Object.entries(def.shape).flatMap(([key, value]) => walk(value, `.${key}`));
    case "array":
      return walk(def.element, "[]");
    case "union":
      return def.options.flatMap((option) => walk(option));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      return walk(def.innerType);
    case "pipe":
      return walk(def.in);
    case "tuple":
      return [
        ...def.items.flatMap((item, i) => walk(item, `[${i}]`)),
        ...(def.rest ? walk(def.rest, "[…]") : []),
      ];
    case "record":
    case "map":
    case "set":
    case "intersection":
    case "lazy":
      // None is used in an input yet; walking them is worth writing when one is.
      return [`${at} (${def.type}: teach plainStrings to walk it)`];
    default:
      return [];
  }
}
