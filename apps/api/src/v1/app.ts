import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { etag, RETAINED_304_HEADERS } from "hono/etag";
import { bodyLimit } from "../body-limit";
import { requireWebOrigin } from "../origin-check";
import { authenticate, requireFreshUser, requireScope } from "./auth";
import type { V1Env } from "./context";
import type { V1Deps } from "./deps";
import { docsRoutes } from "./docs";
import { defaultHook, onV1Error, onV1NotFound } from "./errors";
import { idempotency } from "./idempotency";
import { registerSecuritySchemes, v1Document } from "./openapi";
import { ProblemError } from "./problem";
import { problemPages } from "./problems-page";
import { rateLimit } from "./rate-limit";
import { assessmentRoutes } from "./routes/assessments";
import { courseProgressRoutes } from "./routes/course-progress";
import { courseRoutes } from "./routes/courses";
import { documentEdgeRoutes } from "./routes/edge";
import { enrollmentRoutes } from "./routes/enrollments";
import type { Guards } from "./routes/guards";
import { meRoutes } from "./routes/me";
import { progressRoutes } from "./routes/progress";

/**
 * Personal answers: any cache must revalidate (the ETag makes that cheap), and an answer for
 * one credential is never served for another.
 */
const privateGets: MiddlewareHandler<V1Env> = async (c, next) => {
  await next();
  if (c.req.method !== "GET" || !c.res.ok) return;
  if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "private, no-cache");
  c.res.headers.append("vary", "Authorization, Cookie");
};

/**
 * The public REST API v1 (ADR 0025), mounted at /api/v1: routes declared with zod schemas
 * that also generate the OpenAPI document. Order per request: origin check and body limit,
 * public pages, then authentication → rate limit → scope → idempotency → validation → handler.
 */
export function createV1App(deps: V1Deps) {
  const app = new OpenAPIHono<V1Env>({ defaultHook });
  app.onError(onV1Error);
  app.notFound(onV1NotFound);

  // Here rather than in the outer app, so their refusals are problem details too.
  app.use(requireWebOrigin(deps.webOrigin));
  app.use(
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw new ProblemError(
          "payload-too-large",
          `The request body is larger than ${deps.maxBodyBytes} bytes.`,
        );
      },
    }),
  );
  app.use(
    etag({
      retainedHeaders: [
        ...RETAINED_304_HEADERS,
        "ratelimit-limit",
        "ratelimit-remaining",
        "ratelimit-reset",
        "ratelimit-policy",
      ],
    }),
  );
  app.use(privateGets);

  // Public: the document, its reference page and the problem type pages.
  let document: ReturnType<typeof v1Document> | undefined;
  app.get("/openapi.json", (c) => {
    document ??= v1Document(app, { edgePublicUrl: deps.edgePublicUrl });
    return c.json(document, 200, { "cache-control": "public, max-age=300" });
  });
  app.route("/", docsRoutes());
  app.route("/", problemPages());

  app.use(authenticate(deps));
  app.use(rateLimit({ limit: deps.rateLimitPerMinute, windowMs: 60_000 }));
  const guards: Guards = {
    read: [requireScope("read")],
    privileged: [requireScope("read"), requireFreshUser(deps)],
    write: [requireScope("write"), idempotency({ db: deps.db })],
  };
  app.route("/", meRoutes(deps, guards));
  app.route("/", courseRoutes(deps, guards));
  app.route("/", courseProgressRoutes(deps, guards));
  app.route("/", enrollmentRoutes(deps, guards));
  app.route("/", progressRoutes(deps, guards));
  app.route("/", assessmentRoutes(deps, guards));
  registerSecuritySchemes(app);
  documentEdgeRoutes(app);
  // Unknown paths under /api/v1 reach this app's own 404 rather than the outer app's.
  app.all("*", (c) => onV1NotFound(c));
  return app;
}
