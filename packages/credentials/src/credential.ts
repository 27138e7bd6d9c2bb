import { z } from "zod";
import { statusListEntry, statusListEntrySchema } from "./status-entry";

/**
 * The certificate as an Open Badges 3.0 credential in the W3C VC 2.0 data model. The same JSON is
 * the VC-JWT payload (VC-JOSE-COSE style), so what the Worker verifies is exactly what was built.
 */
export interface IssuerProfile {
  /** A URL, e.g. "https://lumen.localhost/issuer". */
  id: string;
  name: string;
  url: string;
}

export interface CertificateFacts {
  /** UUID; also the public verification id. */
  certificateId: string;
  issuer: IssuerProfile;
  learnerName: string;
  course: { id: string; title: string; url?: string };
  issuedAt: Date;
  /** When the certificate stops being valid; none (the default) means it does not expire. */
  validUntil?: Date | undefined;
  /** Its bit in the issuer's revocation status list; certificates from before issue 9 have none. */
  statusListIndex?: number | undefined;
  /** Human verification page at the edge (printed on the PDF, not part of the credential). */
  verifyUrl: string;
}

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

const UUID_URN = "urn:uuid:";
const COURSE_URN = "urn:lumen:course:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `type` arrays must contain these values; extra types from other issuers are tolerated. */
export const typesWith = (...required: string[]) =>
  z
    .array(z.string())
    .refine((types) => required.every((t) => types.includes(t)), `type must include ${required}`);

export const isoDateTime = z.iso.datetime({ offset: true });

export const openBadgeCredentialSchema = z.object({
  "@context": z
    .array(z.string())
    .refine((c) => c[0] === VC_V2_CONTEXT && c.includes(OB_V3_CONTEXT), "unexpected @context"),
  id: z.string().startsWith(UUID_URN),
  type: typesWith("VerifiableCredential", "OpenBadgeCredential"),
  issuer: z.object({
    id: z.url(),
    type: typesWith("Profile"),
    name: z.string().min(1),
    url: z.url().optional(),
  }),
  validFrom: isoDateTime,
  validUntil: isoDateTime.optional(),
  credentialStatus: statusListEntrySchema.optional(),
  awardedDate: isoDateTime.optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  credentialSubject: z.object({
    type: typesWith("AchievementSubject"),
    name: z.string().min(1),
    identifier: z
      .array(
        z.object({
          type: z.literal("IdentityObject"),
          identityHash: z.string(),
          identityType: z.string(),
          hashed: z.boolean(),
        }),
      )
      .optional(),
    achievement: z.object({
      id: z.string().min(1),
      type: typesWith("Achievement"),
      achievementType: z.string().optional(),
      name: z.string().min(1),
      description: z.string(),
      criteria: z.object({ id: z.url().optional(), narrative: z.string().optional() }),
    }),
  }),
});

export type OpenBadgeCredential = z.infer<typeof openBadgeCredentialSchema>;

function achievementId(courseId: string): string {
  return UUID.test(courseId)
    ? `${UUID_URN}${courseId}`
    : `${COURSE_URN}${encodeURIComponent(courseId)}`;
}

/** The course id back out of an achievement id written by `buildCredential`. */
export function courseIdOf(achievement: { id: string }): string {
  const { id } = achievement;
  if (id.startsWith(UUID_URN)) return id.slice(UUID_URN.length);
  if (id.startsWith(COURSE_URN)) return decodeURIComponent(id.slice(COURSE_URN.length));
  return id;
}

export function credentialId(certificateId: string): string {
  return `${UUID_URN}${certificateId}`;
}

export function buildCredential(facts: CertificateFacts): OpenBadgeCredential {
  const { issuer, course, learnerName } = facts;
  const issued = facts.issuedAt.toISOString();
  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: credentialId(facts.certificateId),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuer.id, type: ["Profile"], name: issuer.name, url: issuer.url },
    validFrom: issued,
    ...(facts.validUntil ? { validUntil: facts.validUntil.toISOString() } : {}),
    ...(facts.statusListIndex !== undefined
      ? { credentialStatus: statusListEntry(issuer.id, facts.statusListIndex) }
      : {}),
    awardedDate: issued,
    name: `Certificate of completion: ${course.title}`,
    description: `${learnerName} completed the course "${course.title}" on ${issuer.name}.`,
    credentialSubject: {
      type: ["AchievementSubject"],
      name: learnerName,
      // OB 3.0 wants an id or an identifier for the subject; learners have no public DID, and the
      // name is already in plain text above, so the identifier is the (unhashed) name.
      identifier: [
        { type: "IdentityObject", identityHash: learnerName, identityType: "name", hashed: false },
      ],
      achievement: {
        id: achievementId(course.id),
        type: ["Achievement"],
        achievementType: "Course",
        name: course.title,
        description: `Completion of the course "${course.title}".`,
        criteria: {
          ...(course.url ? { id: course.url } : {}),
          narrative:
            "Completed every required lesson of the course and passed every quiz required for the certificate.",
        },
      },
    },
  };
}
