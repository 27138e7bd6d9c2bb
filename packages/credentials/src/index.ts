/**
 * Verifiable certificates: Open Badges 3.0 credentials (W3C VC 2.0) secured as VC-JWT with Ed25519.
 * Imported by the Node API/job runner and by the Worker, so everything here uses only WebCrypto,
 * jose and zod (no node: modules, no Buffer). The PDF renderer is `@lumen/credentials/pdf`.
 */
export * from "./credential";
export * from "./errors";
export * from "./issuer-keys";
export { isDevelopmentKid, isKid, type PublicJwk } from "./jwk";
export * from "./record";
export * from "./sign";
export * from "./signing-keys";
export * from "./verify";
