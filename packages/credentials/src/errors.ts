/** A signing or verification key could not be used. Messages never contain key material. */
export class CredentialKeyError extends Error {
  override name = "CredentialKeyError";
}
