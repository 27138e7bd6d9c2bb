/** Personal API keys for the public REST API (ADR 0025). */
export { authenticateApiKey, LAST_USED_RESOLUTION_MS } from "./authenticate";
export {
  API_KEY_MAX_DAYS,
  apiKeyIdInput,
  type CreateApiKeyInput,
  createApiKeyInput,
} from "./inputs";
export { createApiKey, listApiKeys, MAX_ACTIVE_API_KEYS, revokeApiKey } from "./manage";
export { API_KEY_MEMO_MS, type ApiKeyResolver, createApiKeyResolver } from "./resolver";
export { API_KEYS_TOPIC } from "./revocations";
export { API_KEY_TOKEN_PREFIX, hashApiKeyToken, looksLikeApiKeyToken } from "./token";
export type { ApiKeyPrincipal, ApiKeyScope, ApiKeyView, CreatedApiKey } from "./types";
