import { z } from "zod";
import { ApiError } from "../http-errors";

const uuid = z.uuid();

/** A route parameter that must be a uuid: the value, or a 400 that says which id was malformed. */
export function uuidParam(value: string | undefined, what: string): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw new ApiError(400, "BAD_REQUEST", `Malformed ${what} id.`);
  return parsed.data;
}

/**
 * A file from our storage runs nothing on our origin: its type is the one we checked (never
 * sniffed), and it opens as a sandboxed document with nothing allowed.
 */
export const SANDBOXED_FILE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
} as const;
