/**
 * Prints a new issuer signing key. Usage: `pnpm --filter @lumen/credentials generate-key [kid]`.
 * The private JWK is appended to the JSON array in the API's ISSUER_SIGNING_KEYS secret; the
 * public JWK is appended to the JWKS the Worker publishes (`wrangler secret put` / env). Keep the
 * old entries in both lists: they are what keeps already-issued certificates verifiable.
 */
import { generateIssuerKey } from "../signing-keys";

const now = new Date();
const defaultKid = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
const kid = process.argv[2] ?? `key-${defaultKid}`;

const { privateJwk, publicJwk } = await generateIssuerKey(kid);
process.stdout.write(
  [
    `# kid: ${kid}`,
    "# Private JWK: add to the ISSUER_SIGNING_KEYS array (secret; never commit it).",
    JSON.stringify(privateJwk),
    "# Public JWK: add to the keys of the published JWKS (ISSUER_PUBLIC_KEYS).",
    JSON.stringify(publicJwk),
    "",
  ].join("\n"),
);
