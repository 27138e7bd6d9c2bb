import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { V1Env } from "../context";

export const EDGE_VERIFY_PATH = "/certificates/{certificate_id}/verify";

/** The edge's public answer (apps/edge certificates/types.ts): camelCase, as it has always been. */
const CertificateVerification = z
  .object({
    id: z.uuid(),
    status: z.enum(["valid", "revoked", "expired", "invalid"]),
    reason: z
      .enum([
        "malformed",
        "unknown_key",
        "bad_signature",
        "wrong_issuer",
        "bad_claims",
        "not_yet_valid",
        "revoked",
        "expired",
      ])
      .nullable(),
    checkedAt: z.string().openapi({ format: "date-time" }),
    certificate: z
      .object({
        learnerName: z.string(),
        courseTitle: z.string(),
        courseId: z.string(),
        issuedAt: z.string(),
        validUntil: z.string().nullable(),
        issuer: z.object({ id: z.string(), name: z.string() }),
      })
      .nullable(),
    revocation: z.object({ revokedAt: z.string(), reason: z.string().nullable() }).nullable(),
    keyId: z.string().nullable(),
    statusList: z.object({ url: z.string(), index: z.number().int().min(0) }).nullable(),
    credential: z.string().nullable(),
  })
  .openapi("CertificateVerification");

const EdgeError = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("EdgeError");

/**
 * Certificate verification is served by the edge Worker, not this API: it is only documented
 * here (one document for integrators), with the edge as the path's server (see openapi.ts).
 */
export function documentEdgeRoutes(app: OpenAPIHono<V1Env>) {
  app.openAPIRegistry.registerPath({
    method: "get",
    path: EDGE_VERIFY_PATH,
    tags: ["Certificates"],
    operationId: "verifyCertificate",
    summary: "Verify a certificate (public, at the edge)",
    description:
      "Public and cached: validity (signature, dates, status list) and issuer of a certificate. Served by the edge, not under `/api/v1`; needs no credentials.",
    security: [],
    request: {
      params: z.object({
        certificate_id: z.uuid().openapi({ param: { name: "certificate_id", in: "path" } }),
      }),
    },
    responses: {
      200: {
        description: "The verdict.",
        content: { "application/json": { schema: CertificateVerification } },
      },
      404: {
        description: "No certificate has this id.",
        content: { "application/json": { schema: EdgeError } },
      },
      503: {
        description: "Cannot be checked right now; see `Retry-After`.",
        content: { "application/json": { schema: EdgeError } },
      },
    },
  });
}
