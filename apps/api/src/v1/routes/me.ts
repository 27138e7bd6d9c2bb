import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { listMyCertificates } from "@lumen/core/certificates";
import type { V1Env } from "../context";
import type { V1Deps } from "../deps";
import { AUTH_PROBLEMS, headers, NOT_MODIFIED, problems } from "../schemas/common";
import { CertificateSchema } from "../schemas/progress";
import { toWire } from "../wire";
import type { Guards } from "./guards";

const Me = z
  .object({
    // better-auth's ids, not UUIDs.
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["learner", "instructor", "admin"]),
    auth: z.object({
      method: z.enum(["api_key", "session"]),
      scope: z.enum(["read", "write"]),
      key_id: z.uuid().nullable(),
    }),
  })
  .openapi("Me");

const Certificates = z.object({ items: z.array(CertificateSchema) }).openapi("CertificateList");

const me = (guards: Guards) =>
  createRoute({
    method: "get",
    path: "/me",
    tags: ["Account"],
    operationId: "getMe",
    summary: "Who I am",
    description: "The caller, and how they authenticated (key scope).",
    middleware: guards.read,
    responses: {
      200: {
        description: "The caller.",
        headers: { ETag: headers.etag },
        content: { "application/json": { schema: Me } },
      },
      ...problems(403, ...AUTH_PROBLEMS),
      ...NOT_MODIFIED,
    },
  });

const myCertificates = (guards: Guards) =>
  createRoute({
    method: "get",
    path: "/certificates",
    tags: ["Certificates"],
    operationId: "listMyCertificates",
    summary: "My certificates",
    description: "The caller's certificates, newest first, revoked ones included.",
    middleware: guards.read,
    responses: {
      200: {
        description: "The caller's certificates.",
        headers: { ETag: headers.etag },
        content: { "application/json": { schema: Certificates } },
      },
      ...problems(403, ...AUTH_PROBLEMS),
      ...NOT_MODIFIED,
    },
  });

export function meRoutes({ db, media }: Pick<V1Deps, "db" | "media">, guards: Guards) {
  return new OpenAPIHono<V1Env>()
    .openapi(me(guards), (c) => {
      const { user, scope, keyId } = c.get("principal");
      const method = keyId === null ? "session" : "api_key";
      return c.json(toWire(Me, { ...user, auth: { method, scope, keyId } }), 200);
    })
    .openapi(myCertificates(guards), async (c) => {
      const { user } = c.get("principal");
      const items = await listMyCertificates({ db, user, media });
      return c.json(toWire(Certificates, { items }), 200);
    });
}
