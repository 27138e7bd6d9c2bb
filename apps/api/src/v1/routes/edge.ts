import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { certificateVerificationSchema } from "@lumen/credentials/verification";
import type { V1Env } from "../context";

export const EDGE_VERIFY_PATH = "/certificates/{certificate_id}/verify";

/**
 * The edge's public answer, camelCase as it has always been: the very schema the edge answers
 * with (apps/edge parses its verdicts with it), so the document cannot drift from it.
 */
const CertificateVerification = certificateVerificationSchema.openapi("CertificateVerification");

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
