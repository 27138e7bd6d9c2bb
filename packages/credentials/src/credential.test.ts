import { describe, expect, it } from "vitest";
import { buildCredential, openBadgeCredentialSchema } from "./credential";
import { facts } from "./testing";

describe("buildCredential", () => {
  it("builds an Open Badges 3.0 credential in the VC 2.0 shape", () => {
    const credential = buildCredential(
      facts({ course: { id: "c-1", title: "T", url: "https://x.test/c" } }),
    );
    expect(credential).toMatchObject({
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      ],
      id: `urn:uuid:${facts().certificateId}`,
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: "https://lumen.localhost/issuer", type: ["Profile"], name: "Lumen" },
      validFrom: "2026-11-21T10:30:00.000Z",
      credentialSubject: {
        type: ["AchievementSubject"],
        name: "Ada Lovelace",
        achievement: {
          id: "urn:lumen:course:c-1",
          type: ["Achievement"],
          name: "T",
          criteria: { id: "https://x.test/c" },
        },
      },
    });
    expect(openBadgeCredentialSchema.parse(credential)).toEqual(credential);
  });

  it("uses a urn:uuid achievement id for UUID course ids", () => {
    const credential = buildCredential(facts());
    expect(credential.credentialSubject.achievement.id).toBe(`urn:uuid:${facts().course.id}`);
  });
});
