import { apiKeys, idempotencyKeys, webhookEndpoints } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RetirementStep } from "./types";

/**
 * API keys stop working and webhooks stop sending (their deliveries and attempts cascade);
 * stored Idempotency-Key answers may quote the user's data.
 */
export const apiAccessStep: RetirementStep = {
  name: "api-access",
  run: async ({ tx, userId }) => {
    await tx.delete(apiKeys).where(eq(apiKeys.userId, userId));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.userId, userId));
    await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
  },
};
