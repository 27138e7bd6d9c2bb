import { users } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { openOutbox } from "@lumen/jobs";
import { InMemoryMediaStore, type MediaContext } from "@lumen/media";
import { createPostgresSearch } from "@lumen/search";
import { createProgressIngest } from "@lumen/trpc/services/progress/ingest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { createApp } from "../src/app";
import { createAuth } from "../src/auth";
import { parseApiEnv } from "../src/env";
import { createLogger } from "../src/logger";
import { createMediaContext } from "../src/media";

export const WEB_ORIGIN = "http://localhost:5173";

/**
 * A real app over this test file's own database, with its log lines captured. Media signing
 * comes from the env as in production; video storage is in process memory
 * (InMemoryMediaStore) instead of R2 behind the edge, exposed as `mediaStore`.
 */
export async function createTestApp(overrides: Record<string, string> = {}) {
  const database: TestDatabase = await createTestDatabase();
  const env = parseApiEnv({ LUMEN_ENV: "test", WEB_ORIGIN, MAX_BODY_BYTES: "4096", ...overrides });
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) });
  const auth = createAuth({ db: database.db, env, logger });
  const outbox = await openOutbox(database.connection);
  let ip = "198.51.100.1";
  const search = createPostgresSearch({ db: database.db });
  const mediaStore = new InMemoryMediaStore();
  const media: MediaContext = { ...createMediaContext(env), store: mediaStore };
  const progress = createProgressIngest({ db: database.db, outbox });
  const app = createApp({
    db: database.db,
    outbox,
    search,
    media,
    progress,
    auth,
    env,
    logger,
    clientIp: () => ip,
  });
  return {
    app,
    env,
    outbox,
    search,
    media,
    mediaStore,
    progress,
    database: {
      ...database,
      close: async () => {
        await progress.close();
        await outbox.close();
        await database.close();
      },
    },
    logs,
    /** Simulates requests arriving from another address (rate limits are per IP). */
    setClientIp: (next: string) => {
      ip = next;
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN, ...headers },
    body: JSON.stringify(body),
  };
}

/** Signs up a fresh learner and returns the Cookie header that carries the session. */
export async function signUp(t: TestApp, email: string, password = "correct-horse-battery") {
  const res = await t.app.request(
    "/api/auth/sign-up/email",
    json({ name: "Test Learner", email, password }),
  );
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return cookieHeader(res);
}

export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const trpcErrorBody = z.object({
  error: z.object({
    message: z.string(),
    data: z.object({
      code: z.string(),
      fieldErrors: z.record(z.string(), z.array(z.string())).nullable(),
    }),
  }),
});

/** Parses a tRPC success body, failing the test if the shape is not what clients rely on. */
export async function trpcData<T extends z.ZodType>(res: Response, data: T): Promise<z.infer<T>> {
  const body = z.object({ result: z.object({ data: z.unknown() }) }).parse(await res.json());
  return data.parse(body.result.data);
}

export async function trpcError(res: Response) {
  return trpcErrorBody.parse(await res.json()).error;
}

/**
 * Signs up a user, makes them an instructor, and signs in again: the session's cookie cache
 * holds the role, so the first cookie would still say "learner".
 */
export async function signUpInstructor(
  t: TestApp,
  email: string,
  password = "correct-horse-battery",
) {
  await signUp(t, email, password);
  await t.database.db.update(users).set({ role: "instructor" }).where(eq(users.email, email));
  const res = await t.app.request("/api/auth/sign-in/email", json({ email, password }));
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const [user] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email));
  return { cookie: cookieHeader(res), id: user?.id ?? "" };
}
