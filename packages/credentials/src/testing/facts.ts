import type { CertificateFacts } from "../credential";

export const ISSUER = {
  id: "https://lumen.localhost/issuer",
  name: "Lumen",
  url: "https://lumen.localhost",
};

export function facts(overrides: Partial<CertificateFacts> = {}): CertificateFacts {
  return {
    certificateId: "0b6f1f5e-6f6a-4c55-9d7e-3f1d2c8b9a10",
    issuer: ISSUER,
    learnerName: "Ada Lovelace",
    course: { id: "6a1d2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", title: "Analytical Engines 101" },
    issuedAt: new Date("2026-11-21T10:30:00.000Z"),
    verifyUrl: "https://edge.lumen.localhost/certificates/0b6f1f5e-6f6a-4c55-9d7e-3f1d2c8b9a10",
    ...overrides,
  };
}
