/**
 * Verifiable certificates: Open Badges 3.0 credentials (W3C VC 2.0) secured as VC-JWT with Ed25519,
 * and the issuer's W3C Bitstring Status List of revocations.
 * Imported by the Node API/job runner and by the Worker, so everything here uses only WebCrypto,
 * jose and zod (no node: modules, no Buffer). The PDF renderer is `@lumen/credentials/pdf`.
 */
export * from "./credential";
export * from "./errors";
export * from "./issuer-id";
export * from "./issuer-keys";
export * from "./issuer-profile";
export { isDevelopmentKid, isKid, type PublicJwk } from "./jwk";
export { CLOCK_SKEW_SECONDS } from "./jwt-claims";
export * from "./record";
export * from "./sign";
export * from "./signing-keys";
export * from "./status-bits";
export * from "./status-entry";
export * from "./status-list-credential";
export * from "./verify";
