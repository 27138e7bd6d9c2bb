import { z } from "zod";

/**
 * How far apart the issuer's clock and a verifier's may be: a certificate signed a moment ago is
 * not "not yet valid" on an edge whose clock runs 30 s behind. Small, so an expiry still bites.
 */
export const CLOCK_SKEW_SECONDS = 60;

/** The credential fields the JWT claims mirror. */
interface Dated {
  id: string;
  issuer: string | { id: string };
  validFrom: string;
  validUntil?: string | undefined;
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const issuerIdOf = (issuer: Dated["issuer"]) => (typeof issuer === "string" ? issuer : issuer.id);

/**
 * The registered JWT claims Open Badges 3.0 §8.2 and VC-JOSE-COSE verifiers expect beside the
 * credential: `iss` (issuer id), `jti` (credential id), `nbf` (validFrom) and `exp` (validUntil,
 * only when the credential has one).
 */
export function registeredClaims(credential: Dated) {
  return {
    iss: issuerIdOf(credential.issuer),
    jti: credential.id,
    nbf: seconds(credential.validFrom),
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
  };
}

const claimsShape = z.object({
  iss: z.string().optional(),
  jti: z.string().optional(),
  nbf: z.number().int().optional(),
  exp: z.number().int().optional(),
});

/**
 * Whether the claims a payload carries say the same as its credential. Each claim is optional
 * (certificates from before issue 9 have none), but one that is present must agree: a verifier
 * reading only the claims must reach the same answer as one reading only the credential.
 */
export function claimsAgree(payload: unknown, credential: Dated): boolean {
  const claims = claimsShape.safeParse(payload);
  if (!claims.success) return false;
  const expected = registeredClaims(credential);
  const { iss, jti, nbf, exp } = claims.data;
  if (iss !== undefined && iss !== expected.iss) return false;
  if (jti !== undefined && jti !== expected.jti) return false;
  if (nbf !== undefined && nbf !== expected.nbf) return false;
  // `expected.exp` is undefined without a validUntil, so an `exp` there disagrees too.
  return exp === undefined || exp === expected.exp;
}

export type Validity = "current" | "not_yet_valid" | "expired";

/** Where `now` falls in the credential's validity period, with CLOCK_SKEW_SECONDS either side. */
export function validityAt(credential: Dated, now: Date): Validity {
  const at = now.getTime();
  const skew = CLOCK_SKEW_SECONDS * 1000;
  if (Date.parse(credential.validFrom) > at + skew) return "not_yet_valid";
  if (credential.validUntil !== undefined && Date.parse(credential.validUntil) < at - skew) {
    return "expired";
  }
  return "current";
}
