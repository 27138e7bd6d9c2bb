import type { SessionUser } from "../kernel";

export type ApiKeyScope = "read" | "write";

/** A key as its owner sees it in lists: never the secret, nor its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The token's public start ("lmn_1a2b3c4d"), to tell keys apart. */
  prefix: string;
  scope: ApiKeyScope;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** "active", or why it no longer works. */
  status: "active" | "expired" | "revoked";
}

/** Creation answers the whole token once; it is not stored and cannot be shown again. */
export interface CreatedApiKey {
  key: ApiKeyView;
  token: string;
}

/** Who a valid bearer token acts as, and what it may do. */
export interface ApiKeyPrincipal {
  keyId: string;
  scope: ApiKeyScope;
  user: SessionUser;
  /** When the key stops working (null: never); a memo must not outlive it. */
  expiresAt: Date | null;
}
