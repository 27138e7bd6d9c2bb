import { z } from "zod";
import { id, singleLine } from "../kernel";

/** Longest lifetime a key can be given; "never" is its own choice. */
export const API_KEY_MAX_DAYS = 366;

export const createApiKeyInput = z.object({
  name: singleLine({ label: "Name", max: 80 }).pipe(z.string().min(1, "Give the key a name.")),
  scope: z.enum(["read", "write"]),
  /** Days until it expires (1–366), or null for a key that never expires. */
  expiresInDays: z.number().int().min(1).max(API_KEY_MAX_DAYS).nullable(),
});
export type CreateApiKeyInput = z.output<typeof createApiKeyInput>;

export const apiKeyIdInput = z.object({ keyId: id("keyId") });
