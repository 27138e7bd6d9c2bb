/**
 * !!! DEVELOPMENT ONLY — THESE KEYS ARE PUBLIC !!!
 *
 * This Ed25519 key pair is committed to the repository so that `pnpm dev`, the tests and the
 * seeded browser run can issue and verify certificates without any setup. Anyone can read the
 * private key here and forge a "valid" certificate with it. Its kid starts with "dev-", and the
 * API and the Worker refuse any "dev-" key (`isDevelopmentKid`) outside development.
 * Generate real keys with `pnpm --filter @lumen/credentials generate-key <kid>`.
 */
export { isDevelopmentKid } from "./jwk";

export const DEV_ISSUER_KID = "dev-2026-11";
export const DEV_ISSUER_ID = "https://lumen.localhost/issuer";
export const DEV_ISSUER_NAME = "Lumen";

/** JSON array of private JWKs, the format `importSigningKeys` takes. */
export const DEV_ISSUER_SIGNING_KEYS = JSON.stringify([
  {
    kty: "OKP",
    crv: "Ed25519",
    x: "9AViCP10PIj2jBtPsbTXM3Za5tfddSVh9WaT1KJWIDg",
    d: "O6rvqvQnYpuSeBYaJL5NbI8Y0DawOEEAKI-g_Fv7SEE",
    kid: DEV_ISSUER_KID,
    alg: "EdDSA",
    use: "sig",
  },
]);

/** The matching JWKS, the format `parseIssuerKeys` takes and /.well-known/jwks.json serves. */
export const DEV_ISSUER_PUBLIC_KEYS = JSON.stringify({
  keys: [
    {
      kty: "OKP",
      crv: "Ed25519",
      x: "9AViCP10PIj2jBtPsbTXM3Za5tfddSVh9WaT1KJWIDg",
      kid: DEV_ISSUER_KID,
      alg: "EdDSA",
      use: "sig",
    },
  ],
});
