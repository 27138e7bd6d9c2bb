import { z } from "zod";
import { CredentialKeyError } from "./errors";

/** A published Ed25519 verification key. */
export type PublicJwk = {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg?: "EdDSA";
  use?: "sig";
};

const KID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** An Ed25519 key part is 32 bytes: 43 base64url characters, no padding. */
const KEY_PART = /^[A-Za-z0-9_-]{43}$/;
/** Members that only a private (or symmetric) JWK has. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

export const jwkShape = z.looseObject({
  kty: z.string(),
  crv: z.string().optional(),
  kid: z.string().optional(),
  x: z.string().optional(),
  d: z.string().optional(),
});
export type LooseJwk = z.infer<typeof jwkShape>;

export function isKid(value: string): boolean {
  return KID.test(value);
}

export function assertKid(kid: string): void {
  if (!isKid(kid)) {
    throw new CredentialKeyError(
      `key id "${kid.slice(0, 20)}" must be 1–64 characters of A–Z, a–z, 0–9, ".", "_" and "-"`,
    );
  }
}

/** Development keys are committed to the repository, so anything but development must refuse them. */
export function isDevelopmentKid(kid: string): boolean {
  return kid.startsWith("dev-");
}

/** Names a key in error messages by its kid or position only — never by its values. */
export function describeKey(jwk: LooseJwk, index: number): string {
  return typeof jwk.kid === "string" && isKid(jwk.kid) ? `key "${jwk.kid}"` : `key #${index + 1}`;
}

/** Checks the public Ed25519 members and returns the normalised public JWK. */
export function toPublicJwk(jwk: LooseJwk, index: number): PublicJwk {
  const name = describeKey(jwk, index);
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519") {
    throw new CredentialKeyError(`${name} must be an Ed25519 key (kty "OKP", crv "Ed25519")`);
  }
  if (typeof jwk.kid !== "string") throw new CredentialKeyError(`${name} has no "kid"`);
  assertKid(jwk.kid);
  if (typeof jwk.x !== "string" || !KEY_PART.test(jwk.x)) {
    throw new CredentialKeyError(`${name} needs "x": 32 bytes in base64url`);
  }
  if (jwk.alg !== undefined && jwk.alg !== "EdDSA" && jwk.alg !== "Ed25519") {
    throw new CredentialKeyError(`${name} is for another algorithm`);
  }
  return { kty: "OKP", crv: "Ed25519", x: jwk.x, kid: jwk.kid, alg: "EdDSA", use: "sig" };
}

export function hasPrivateMembers(jwk: LooseJwk): boolean {
  return PRIVATE_MEMBERS.some((member) => member in jwk);
}

export function isPrivatePart(value: unknown): value is string {
  return typeof value === "string" && KEY_PART.test(value);
}

/** Parses JSON without letting the parser's message (which may quote the input) escape. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CredentialKeyError(`${what} is not valid JSON`);
  }
}

export function rejectDuplicates(keys: readonly { kid: string }[], what: string): void {
  const seen = new Set<string>();
  for (const { kid } of keys) {
    if (seen.has(kid)) throw new CredentialKeyError(`${what}: key "${kid}" is listed twice`);
    seen.add(kid);
  }
}
