import { isDevelopmentKid, issuerIdProblem } from "@lumen/credentials";
import { DEV_ISSUER_KID } from "@lumen/credentials/dev-keys";

interface CredentialEnv {
  LUMEN_ENV: "development" | "test" | "production";
  CREDENTIAL_SIGNING_KEYS?: string | undefined;
  CREDENTIAL_SIGNING_KEY_ID?: string | undefined;
  CREDENTIAL_ISSUER_ID?: string | undefined;
}

/**
 * What the env can say about the certificate signing keys without importing them (that is
 * async and happens when the job runner starts): the ring's shape, the current kid, and that
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
  const kids = kidsOf(env.CREDENTIAL_SIGNING_KEYS);
  if (typeof kids === "string") {
    issues.push({ path: "CREDENTIAL_SIGNING_KEYS", message: kids });
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

/** The kids of a JSON array of JWKs, or why it is not one (without quoting the input). */
function kidsOf(spec: string): string[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(spec);
  } catch {
    return "must be a JSON array of private Ed25519 JWKs (it is not valid JSON)";
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    return "must be a non-empty JSON array of private Ed25519 JWKs";
  }
  const kids: string[] = [];
  for (const [index, entry] of parsed.entries()) {
    const kid: unknown =
      typeof entry === "object" && entry !== null ? Reflect.get(entry, "kid") : undefined;
    if (typeof kid !== "string" || kid === "") return `key #${index + 1} has no "kid"`;
    kids.push(kid);
  }
  return kids;
}
