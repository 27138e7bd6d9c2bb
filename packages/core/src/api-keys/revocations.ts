import type { LiveTopic } from "../live";

/** The live topic every API process listens on for revoked keys. */
export const API_KEYS_TOPIC = "api-keys" satisfies LiveTopic;

const listeners = new Set<(keyId: string) => void>();

/**
 * This process's resolvers, told of a revocation the moment it commits here (other processes
 * hear it through the live hub a moment later).
 */
export function onApiKeyRevoked(listener: (keyId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceRevoked(keyId: string) {
  for (const listener of listeners) listener(keyId);
}
