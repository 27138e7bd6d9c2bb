import type { KeyRing, MediaKey } from "./key-ring";
import { type MediaTokenPurpose, signMediaToken } from "./token";

/** Mints media tokens with the current signing key; what the API and job runner hold. */
export interface MediaSigner {
  readonly keyId: string;
  /** A token for `assetId` valid for `ttlSeconds` from now (`bytes`: upload size). */
  sign(
    purpose: MediaTokenPurpose,
    assetId: string,
    ttlSeconds: number,
    bytes?: number,
  ): Promise<{
    token: string;
    expiresAt: Date;
  }>;
}

export function createMediaSigner(keys: KeyRing, signingKeyId: string): MediaSigner {
  const key: MediaKey | undefined = keys.get(signingKeyId);
  if (!key) throw new Error(`signing key "${signingKeyId}" is not in the key ring`);
  return {
    keyId: key.id,
    async sign(purpose, assetId, ttlSeconds, bytes = 0) {
      const expiresAt = Math.floor(Date.now() / 1000) + Math.max(1, Math.floor(ttlSeconds));
      const token = await signMediaToken({ purpose, assetId, expiresAt, bytes }, key);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
  };
}
