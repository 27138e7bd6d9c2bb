import { z } from "zod";
import { isoDateTime, typesWith, VC_V2_CONTEXT } from "./credential";
import type { PublicJwk } from "./jwk";
import { type JwsFailure, signJws, verifyJws } from "./jws";
import { claimsAgree, registeredClaims } from "./jwt-claims";
import type { SigningKey } from "./signing-keys";
import { decodeStatusList } from "./status-bits";
import { STATUS_PURPOSE, statusListUrl } from "./status-entry";

/** A BitstringStatusListCredential (W3C Bitstring Status List v1.0), secured as a VC-JWT. */
export const statusListCredentialSchema = z.object({
  "@context": z.array(z.string()).refine((c) => c[0] === VC_V2_CONTEXT, "unexpected @context"),
  id: z.url(),
  type: typesWith("VerifiableCredential", "BitstringStatusListCredential"),
  issuer: z.url(),
  validFrom: isoDateTime,
  credentialSubject: z.object({
    id: z.url(),
    type: z.literal("BitstringStatusList"),
    statusPurpose: z.literal(STATUS_PURPOSE),
    encodedList: z.string().min(1),
  }),
});
export type StatusListCredential = z.infer<typeof statusListCredentialSchema>;

export interface StatusListFacts {
  issuerId: string;
  list: number;
  /** When this version of the list was built. */
  builtAt: Date;
  encodedList: string;
}

export function buildStatusListCredential(facts: StatusListFacts): StatusListCredential {
  const id = statusListUrl(facts.issuerId, facts.list);
  return {
    "@context": [VC_V2_CONTEXT],
    id,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: facts.issuerId,
    validFrom: facts.builtAt.toISOString(),
    credentialSubject: {
      id: `${id}#list`,
      type: "BitstringStatusList",
      statusPurpose: STATUS_PURPOSE,
      encodedList: facts.encodedList,
    },
  };
}

/** Signs a status list the way certificates are signed (same key, header and claims). */
export async function signStatusList(facts: StatusListFacts, key: SigningKey): Promise<string> {
  const credential = buildStatusListCredential(facts);
  return signJws({ ...credential, ...registeredClaims(credential) }, key, facts.issuerId);
}

export type StatusListCheck =
  | { ok: true; kid: string; credential: StatusListCredential; bits: Uint8Array }
  | { ok: false; reason: JwsFailure | "wrong_issuer" | "bad_claims" };

/** Verifies that `jwt` is list `list` of `issuerId`, signed with a published key, and decodes it. */
export async function verifyStatusList(
  jwt: string,
  keys: readonly PublicJwk[],
  expected: { issuerId: string; list: number },
): Promise<StatusListCheck> {
  const jws = await verifyJws(jwt, keys);
  if (!jws.ok) return jws;
  const credential = statusListCredentialSchema.safeParse(jws.payload).data;
  if (!credential) return { ok: false, reason: "bad_claims" };
  if (credential.issuer !== expected.issuerId) return { ok: false, reason: "wrong_issuer" };
  const claimsHold =
    (jws.kidBase === null || jws.kidBase === credential.issuer) &&
    claimsAgree(jws.payload, credential) &&
    credential.id === statusListUrl(expected.issuerId, expected.list);
  if (!claimsHold) return { ok: false, reason: "bad_claims" };
  try {
    return {
      ok: true,
      kid: jws.kid,
      credential,
      bits: await decodeStatusList(credential.credentialSubject.encodedList),
    };
  } catch {
    return { ok: false, reason: "bad_claims" };
  }
}
