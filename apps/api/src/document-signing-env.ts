interface DocumentSigningEnv {
  LUMEN_ENV: "development" | "test" | "production";
  DOCUMENT_SIGNING_CERT?: string | undefined;
  DOCUMENT_SIGNING_KEY?: string | undefined;
  DOCUMENT_SIGNING_P12?: string | undefined;
}

/**
 * The shape of the document-signing settings (the certificate itself is read when the job
 * runner starts): one way of giving it, complete, and given at all in production. Whether it is
 * the public development certificate is checked on load, by fingerprint.
 */
export function documentSigningEnvIssues(
  env: DocumentSigningEnv,
): Array<{ path: string; message: string }> {
  const pem = env.DOCUMENT_SIGNING_CERT !== undefined || env.DOCUMENT_SIGNING_KEY !== undefined;
  const p12 = env.DOCUMENT_SIGNING_P12 !== undefined;
  if (pem && p12) {
    return [
      {
        path: "DOCUMENT_SIGNING_P12",
        message:
          "give DOCUMENT_SIGNING_CERT + DOCUMENT_SIGNING_KEY or DOCUMENT_SIGNING_P12, not both",
      },
    ];
  }
  if (pem && (env.DOCUMENT_SIGNING_CERT === undefined || env.DOCUMENT_SIGNING_KEY === undefined)) {
    const missing =
      env.DOCUMENT_SIGNING_CERT === undefined ? "DOCUMENT_SIGNING_CERT" : "DOCUMENT_SIGNING_KEY";
    return [{ path: missing, message: `${missing} is needed with the other half of the PEM pair` }];
  }
  if (env.LUMEN_ENV === "production" && !pem && !p12) {
    return [
      {
        path: "DOCUMENT_SIGNING_CERT",
        message:
          "a document-signing certificate is required in production (DOCUMENT_SIGNING_CERT + DOCUMENT_SIGNING_KEY, or DOCUMENT_SIGNING_P12)",
      },
    ];
  }
  return [];
}
