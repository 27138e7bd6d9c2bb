import {
  CredentialKeyError,
  isDevelopmentKid,
  issuerIdProblem,
  signingKeyIds,
} from "@lumen/credentials";
import { DEV_ISSUER_KID } from "@lumen/credentials/dev-keys";

interface CredentialEnv {
  LUMEN_ENV: "development" | "test" | "production";
  CREDENTIAL_SIGNING_KEYS?: string | undefined;
  CREDENTIAL_SIGNING_KEY_ID?: string | undefined;
  CREDENTIAL_ISSUER_ID?: string | undefined;
}

/**
 * What the env can say about the certificate signing keys without importing them (that is
 * async and happens when the job runner starts): the ring read by @lumen/credentials' one
 * parser (signingKeyIds: JSON, JWK shape, kids, duplicates), the current kid, and that
 * production uses neither the committed development keys nor the development issuer id.
 * Messages name variables and kids only — never key material.
 */
export function credentialEnvIssues(env: CredentialEnv): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const production = env.LUMEN_ENV === "production";
  if (production && !env.CREDENTIAL_SIGNING_KEYS) {
    issues.push({
      path: "CREDENTIAL_SIGNING_KEYS",
      message: "CREDENTIAL_SIGNING_KEYS is required in production",
    });
  }
  if (production && env.CREDENTIAL_SIGNING_KEYS && !env.CREDENTIAL_SIGNING_KEY_ID) {
    issues.push({
      path: "CREDENTIAL_SIGNING_KEY_ID",
      message: "CREDENTIAL_SIGNING_KEY_ID is required in production",
    });
  }
  if (production && !env.CREDENTIAL_ISSUER_ID) {
    issues.push({
      path: "CREDENTIAL_ISSUER_ID",
      message: "CREDENTIAL_ISSUER_ID is required in production (the edge's ISSUER_ID)",
    });
  }
  // Verifiers resolve the issuer id (profile, keys, status lists): a placeholder breaks them all.
  const issuerId =
    env.CREDENTIAL_ISSUER_ID && issuerIdProblem(env.CREDENTIAL_ISSUER_ID, production);
  if (issuerId) issues.push({ path: "CREDENTIAL_ISSUER_ID", message: issuerId });
  if (env.CREDENTIAL_SIGNING_KEYS === undefined) return issues;
  let kids: string[];
  try {
    kids = signingKeyIds(env.CREDENTIAL_SIGNING_KEYS);
  } catch (error) {
    // CredentialKeyError names keys by kid or position only; anything else is not quoted.
    const message = error instanceof CredentialKeyError ? error.message : "could not be read";
    issues.push({ path: "CREDENTIAL_SIGNING_KEYS", message });
    return issues;
  }
  const currentKid = env.CREDENTIAL_SIGNING_KEY_ID ?? DEV_ISSUER_KID;
  if (!kids.includes(currentKid) && !(production && !env.CREDENTIAL_SIGNING_KEY_ID)) {
    issues.push({
      path: "CREDENTIAL_SIGNING_KEY_ID",
      message: `"${currentKid}" is not a kid in CREDENTIAL_SIGNING_KEYS (set the kid that signs now)`,
    });
  }
  const devKids = kids.filter(isDevelopmentKid);
  if (production && devKids.length > 0) {
    issues.push({
      path: "CREDENTIAL_SIGNING_KEYS",
      message: `development keys (${devKids.join(", ")}) are public and refused in production`,
    });
  }
  return issues;
}
