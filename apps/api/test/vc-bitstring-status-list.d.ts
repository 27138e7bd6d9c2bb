// @digitalbazaar/vc-bitstring-status-list ships no types; this covers what
// certificates-interop.test.ts calls (checkStatus, as documented in its README).
declare module "@digitalbazaar/vc-bitstring-status-list" {
  export function checkStatus(options: {
    credential: unknown;
    documentLoader: (url: string) => Promise<{ document: unknown }>;
    suite?: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{
    verified: boolean;
    error?: Error;
    results?: Array<{ verified: boolean; status: boolean; credentialStatus: unknown }>;
  }>;
}
