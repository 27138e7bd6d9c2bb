import type { z } from "@hono/zod-openapi";
import { snakeCase } from "./errors";

/** Deep copy with snake_case keys and ISO-8601 dates: the API's JSON conventions. */
export function snakeKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [snakeCase(key), snakeKeys(inner)]),
    );
  }
  return value;
}

/**
 * A service's answer in the documented shape: snake_case, then parsed by the response schema,
 * which also drops whatever the document does not promise (internal fields never leak).
 */
export function toWire<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(snakeKeys(data));
  // Our bug, not the client's: a plain error, so it is logged and answered as a 500.
  if (!parsed.success) throw new Error(`response breaks its schema: ${parsed.error.message}`);
  return parsed.data;
}
