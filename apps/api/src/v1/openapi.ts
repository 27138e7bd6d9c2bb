import type { OpenAPIHono } from "@hono/zod-openapi";
import type { V1Env } from "./context";
import { EDGE_VERIFY_PATH } from "./routes/edge";

export const API_VERSION = "1.0.0";
export const SESSION_COOKIE = "better-auth.session_token";

const TAGS = [
  { name: "Account", description: "The caller." },
  { name: "Courses", description: "The catalog." },
  { name: "Enrollments", description: "Joining courses." },
  {
    name: "Progress",
    description: "Learning progress, the caller's and (instructors) a course's.",
  },
  {
    name: "Assessments",
    description: "Quizzes (scored at once) and programming exercises (queued).",
  },
  {
    name: "Certificates",
    description: "The caller's certificates, and public verification at the edge.",
  },
];

export function registerSecuritySchemes(app: OpenAPIHono<V1Env>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A personal API key (`lmn_…`) from Settings → API keys; scope `read` or `write`.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "cookie", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The web app's session (full `write` scope); for the app's own use.",
  });
}

/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas (the one source of truth).
 * The edge's path gets a path-level `servers` entry: it is served there, not under /api/v1.
 */
export function v1Document(app: OpenAPIHono<V1Env>, { edgePublicUrl }: { edgePublicUrl: string }) {
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Lumen API",
      version: API_VERSION,
      description:
        "The public REST API of Lumen. JSON is snake_case; errors are RFC 9457 problem details; lists are paginated with `page`/`page_size` and `Link` headers; GET answers carry an `ETag`. POST and PUT accept an `Idempotency-Key` header.",
      license: { name: "Proprietary", url: "https://lumen.example/terms" },
      contact: { name: "Lumen", url: "https://lumen.example/developers" },
    },
    servers: [{ url: "/api/v1", description: "This API." }],
    tags: TAGS,
    security: [{ bearer: [] }, { cookie: [] }],
  });
  const edgePath = document.paths?.[EDGE_VERIFY_PATH];
  if (edgePath) {
    edgePath.servers = [{ url: edgePublicUrl, description: "The edge (public, cached)." }];
  }
  return document;
}
