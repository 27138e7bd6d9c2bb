import {
  apiKeyIdInput,
  createApiKey,
  createApiKeyInput,
  listApiKeys,
  revokeApiKey,
} from "@lumen/core/api-keys";
import { protectedProcedure, router } from "../trpc";

/**
 * The signed-in user's personal API keys for the REST API. Only `create` answers the token,
 * once; the list never holds it. Every procedure acts on the caller's own keys.
 */
export const apiKeysRouter = router({
  list: protectedProcedure.query(({ ctx }) => listApiKeys({ db: ctx.db, user: ctx.user })),
  create: protectedProcedure
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey({ db: ctx.db, user: ctx.user, input })),
  revoke: protectedProcedure
    .input(apiKeyIdInput)
    .mutation(({ ctx, input }) => revokeApiKey({ db: ctx.db, user: ctx.user, input })),
});
