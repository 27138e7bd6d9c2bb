import type { RollupRequester } from "@lumen/core/analytics";
import { createApiKeyResolver } from "@lumen/core/api-keys";
import type { SessionUser } from "@lumen/core/kernel";
import type { LiveHub } from "@lumen/core/live";
import type { ProgressIngest } from "@lumen/core/progress";
import { type Database, ping } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import type { SearchBackend } from "@lumen/search";
import { appRouter, createContextInner } from "@lumen/trpc";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { type Auth, CLIENT_IP_HEADER, createSessionResolver, sessionUser } from "./auth";
import { authRoutes } from "./auth-routes";
import { type AuthThrottle, createAuthThrottle } from "./auth-throttle";
import { bodyLimit } from "./body-limit";
import { createClientIpResolver } from "./client-ip";
import type { ApiEnv } from "./env";
import { exceptPaths } from "./except-paths";
import { INTERNAL_ERROR_MESSAGE, renderError } from "./http-errors";
import type { Logger } from "./logger";
import { requireWebOrigin } from "./origin-check";
import { passwordCheckFor } from "./password-check";
import { analyticsExportRoutes } from "./routes/analytics-export";
import { attachmentRoutes } from "./routes/attachments";
import { certificateRoutes } from "./routes/certificates";
import { DOCUMENT_UPLOAD_PATH, documentRoutes } from "./routes/documents";
import { emailRoutes } from "./routes/email";
import { forumImageRoutes } from "./routes/forum-images";
import { COVER_UPLOAD_PATH, mediaRoutes } from "./routes/media";
import { privacyRoutes } from "./routes/privacy";
import { progressBeaconRoutes } from "./routes/progress-beacon";
import { publicCatalogRoutes } from "./routes/public-catalog";
import { apiSecurityHeaders, frameableBy } from "./security-headers";
import { createV1App } from "./v1/app";

export interface AppDeps {
  db: Database;
  outbox: Outbox;
  /** Built once per process from the env (createSearchBackend). */
  search: SearchBackend;
  /** Video storage and token signing (createMediaContext), built once per process. */
  media: MediaContext;
  /** The progress write path (group commit), one per process. */
  progress: ProgressIngest;
  /** Live events for subscriptions (createLiveHub), one LISTEN per process. */
  live?: LiveHub;
  /** Asks for dashboard rollups after quiz attempts (the ingest asks for progress itself). */
  analytics?: RollupRequester;
  auth: Auth;
  env: ApiEnv;
  logger: Logger;
  /** Sign-in/sign-up limits; default: createAuthThrottle(db) with the house policy. */
  throttle?: AuthThrottle;
  /** The socket peer's address; with TRUST_PROXY, X-Forwarded-For may name the client. */
  clientIp: (c: Context) => string | undefined;
}

type AppEnv = { Variables: { requestId: string; log: Logger } };

/**
 * Caption files (WebVTT up to 1 MiB) arrive as JSON through tRPC, escaped; this single-call
 * path gets room for that, every other route keeps MAX_BODY_BYTES.
 */
const CAPTION_UPLOAD_PATH = "/trpc/video.addCaption";
const CAPTION_UPLOAD_MAX_BYTES = 3 * 1024 * 1024;
/** The public REST API (its own app: v1/app.ts). */
const V1_PATHS = "/api/v1/*";

export function createApp({
  db,
  outbox,
  search,
  media,
  progress,
  live,
  analytics,
  auth,
  env,
  logger,
  clientIp,
  throttle = createAuthThrottle(db),
}: AppDeps) {
  const app = new Hono<AppEnv>();
  // Production accepts only https webhook endpoints; dev and tests register local receivers.
  const webhooks = { httpsOnly: env.LUMEN_ENV === "production" };

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ requestId: c.get("requestId") });
    c.set("log", log);
    await next();
    log.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use(apiSecurityHeaders());
  const resolveClientIp = createClientIpResolver(env.TRUST_PROXY);
  app.use(async (c, next) => {
    // Overwrite whatever the client sent: only this process decides who the caller is.
    const ip = resolveClientIp(clientIp(c), c.req.header("x-forwarded-for"));
    if (ip) c.req.raw.headers.set(CLIENT_IP_HEADER, ip);
    else c.req.raw.headers.delete(CLIENT_IP_HEADER);
    await next();
  });
  app.use(cors({ origin: env.WEB_ORIGIN, credentials: true, maxAge: 600 }));
  // /api/v1 runs its own origin check and body limit, to answer with problem details.
  app.use(exceptPaths(V1_PATHS, requireWebOrigin(env.WEB_ORIGIN)));
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new HTTPException(413, { message: `Request body is larger than ${maxSize} bytes.` });
      },
    });
  // Cover and PDF uploads carry their own, larger limits (routes/); captions get theirs here.
  app.use(
    exceptPaths(
      [COVER_UPLOAD_PATH, DOCUMENT_UPLOAD_PATH, CAPTION_UPLOAD_PATH, V1_PATHS],
      limitBody(env.MAX_BODY_BYTES),
    ),
  );
  app.use(CAPTION_UPLOAD_PATH, limitBody(Math.max(env.MAX_BODY_BYTES, CAPTION_UPLOAD_MAX_BYTES)));

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await withTimeout(ping(db), 2_000);
      return c.json({ status: "ready" });
    } catch (error) {
      c.get("log").warn("readiness check failed", { err: error });
      return c.json({ status: "unavailable", checks: { database: "down" } }, 503);
    }
  });

  // The hot path (progress beacons arrive every few seconds per learner) memoizes sessions.
  const resolveSession = createSessionResolver((headers) => sessionUser(auth, headers));
  app.route("/", progressBeaconRoutes({ progress, resolveSession }));
  app.route("/", authRoutes({ auth, throttle }));
  app.route("/", mediaRoutes({ db, outbox, auth }));
  app.get(DOCUMENT_UPLOAD_PATH, frameableBy(env.WEB_ORIGIN));
  app.route("/", documentRoutes({ db, media, auth }));
  app.route("/", attachmentRoutes({ db, media, auth }));
  app.route("/", forumImageRoutes({ db, media, auth }));
  app.route("/", certificateRoutes({ db, media, auth }));
  app.route("/", analyticsExportRoutes({ db, auth, logger }));
  app.route(
    "/",
    privacyRoutes({
      db,
      media,
      auth,
      linkSecret: env.EMAIL_TOKEN_SECRET,
      webOrigin: env.WEB_ORIGIN,
    }),
  );
  app.route("/", emailRoutes({ db, secret: env.EMAIL_TOKEN_SECRET, webOrigin: env.WEB_ORIGIN }));
  // Anonymous, cacheable catalog JSON that the edge Worker fetches on a miss.
  app.route("/public", publicCatalogRoutes({ db, search }));

  // API keys too, where revocations reach this process (the live hub): ADR 0025.
  const apiKeys = createApiKeyResolver({
    db,
    live,
    onError: (err) => logger.warn("api key revocations: listening stopped", { err }),
  });
  app.route(
    "/api/v1",
    createV1App({
      db,
      auth,
      resolveSession,
      resolveKey: apiKeys.resolve,
      outbox,
      search,
      media,
      progress,
      analytics,
      rateLimitPerMinute: env.API_RATE_LIMIT,
      maxBodyBytes: env.MAX_BODY_BYTES,
      webOrigin: env.WEB_ORIGIN,
      edgePublicUrl: env.EDGE_PUBLIC_URL,
    }),
  );

  app.all("/trpc/*", (c) => {
    // One database read per request however many privileged procedures a batch holds.
    let current: Promise<SessionUser | null> | undefined;
    const currentUser = () => {
      current ??= sessionUser(auth, c.req.raw.headers, { fresh: true });
      return current;
    };
    return fetchRequestHandler({
      endpoint: "/trpc",
      req: c.req.raw,
      router: appRouter,
      allowBatching: true,
      maxBatchSize: env.TRPC_MAX_BATCH_SIZE,
      createContext: async () =>
        createContextInner({
          db,
          outbox,
          search,
          media,
          progress,
          live,
          analytics,
          webhooks,
          user: await resolveSession(c.req.raw.headers),
          currentUser,
          checkPassword: passwordCheckFor(auth, throttle, c.req.raw, async () => {
            const user = await currentUser();
            return user?.email ?? null;
          }),
          deletionGraceDays: env.ACCOUNT_DELETION_GRACE_DAYS,
          ratings: { minCompletionPercent: env.RATING_MIN_COMPLETION_PERCENT },
          exportLinkSecret: env.EMAIL_TOKEN_SECRET,
        }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          c.get("log").error("procedure failed", { path, err: error.cause ?? error });
        }
      },
    });
  });

  app.notFound((c) =>
    c.json(
      { error: { code: "NOT_FOUND", message: `No route for ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((error, c) => {
    const requestId = c.get("requestId");
    // Error bodies are never cached, at the edge or anywhere else.
    c.header("Cache-Control", "no-store");
    // A refused body may still be arriving: close the connection rather than read the rest
    // (or, worse, parse it as the next request on a kept-alive socket).
    if (error instanceof HTTPException && error.status === 413) c.header("Connection", "close");
    const rendered = renderError(error, requestId);
    if (rendered) return c.json(rendered.body, rendered.status);
    (c.get("log") ?? logger).error("unhandled error", { err: error });
    return c.json(
      { error: { code: "INTERNAL_SERVER_ERROR", message: INTERNAL_ERROR_MESSAGE, requestId } },
      500,
    );
  });

  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);
}
