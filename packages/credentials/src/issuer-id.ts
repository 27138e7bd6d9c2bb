/** Where the edge serves the issuer profile; the issuer id is this path on the edge's origin. */
export const ISSUER_PROFILE_PATH = "/issuer";

/** Hosts that never resolve publicly: loopback, reserved example/test names, the dev default. */
const PLACEHOLDER_HOST =
  /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$|(^|\.)(localhost|example|test|invalid|local|internal)$|^example\.(com|net|org)$/i;

/**
 * Why `issuerId` cannot be the issuer id, or null. Everywhere it must be `<origin>/issuer`, the
 * path where the edge serves the profile, and carry no query or fragment (kids are
 * `<issuer id>#<kid>`). In production it must also be https on a real host: verifiers outside
 * resolve it to find the issuer and its keys, so a dev placeholder would leave every credential
 * unverifiable by them.
 */
export function issuerIdProblem(issuerId: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(issuerId);
  } catch {
    return "must be an absolute URL";
  }
  if (url.pathname !== ISSUER_PROFILE_PATH || url.search || url.hash || url.username) {
    return `must be <the edge's public origin>${ISSUER_PROFILE_PATH} (where the edge serves the issuer profile), with no query or fragment`;
  }
  if (!production) return null;
  if (url.protocol !== "https:") return "must be an https URL in production";
  if (PLACEHOLDER_HOST.test(url.hostname)) {
    return `"${url.hostname}" is a development placeholder; use the edge's public host in production`;
  }
  return null;
}
