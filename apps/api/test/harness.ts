import type { ProgressIngest } from "@lumen/core/progress";
import { createTestWorld } from "@lumen/core/testing";
import { setUserRole } from "@lumen/core/users";
import { users } from "@lumen/db";
import { firstLink, startMailbox } from "@lumen/tools/mailbox";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { createApp } from "../src/app";
import { createAuth } from "../src/auth";
import { createAuthThrottle } from "../src/auth-throttle";
import { SIGN_IN_POLICY, type SignInPolicy } from "../src/auth-throttle-policy";
import { parseApiEnv } from "../src/env";
import { createLogger } from "../src/logger";
import { createMailer } from "../src/mailer";
import { createMediaContext } from "../src/media";

export const WEB_ORIGIN = "http://localhost:5173";

/**
 * A real app over core's test world (this test file's own database, outbox, search, media
 * and progress ingest), with its log lines captured. Media signing comes from the env as in
 * production; video storage is in process memory (InMemoryMediaStore) instead of R2 behind
 * the edge, exposed as `mediaStore`. Mail goes over SMTP to an in-process server (`mailbox`),
 * so sign-ups verify through the real mail path.
 */
export async function createTestApp(
  overrides: Record<string, string> = {},
  {
    signInPolicy,
    wrapProgress = (ingest) => ingest,
  }: {
    signInPolicy?: Partial<SignInPolicy>;
    /** Stands in for the progress ingest the app calls (the real one is passed in). */
    wrapProgress?: (ingest: ProgressIngest) => ProgressIngest;
  } = {},
) {
  const mailbox = await startMailbox();
  const env = parseApiEnv({
    LUMEN_ENV: "test",
    WEB_ORIGIN,
    MAX_BODY_BYTES: "4096",
    SMTP_URL: mailbox.url,
    ...overrides,
  });
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) });
  const mailer = createMailer({ env, logger });
  // The env's signing and limits; the world keeps the store in memory.
  const { store: _edgeStore, ...mediaFromEnv } = createMediaContext(env);
  const world = await createTestWorld({ media: mediaFromEnv });
  const { database, outbox, search, media, mediaStore, progress } = world;
  const auth = createAuth({ db: database.db, env, logger, mailer });
  let ip = "198.51.100.1";
  const app = createApp({
    db: database.db,
    outbox,
    search,
    media,
    progress: wrapProgress(progress),
    auth,
    env,
    logger,
    clientIp: () => ip,
    throttle: createAuthThrottle(database.db, {
      signInPolicy: { ...SIGN_IN_POLICY, ...signInPolicy },
    }),
  });
  return {
    app,
    env,
    outbox,
    search,
    media,
    mediaStore,
    progress,
    mailbox,
    database: {
      ...database,
      close: async () => {
        await mailer.drain();
        mailer.close();
        await mailbox.close();
        await world.close();
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

/**
 * Signs up a fresh learner as a person would: the form, then the link in the mail (which
 * signs them in). Returns the Cookie header that carries the session.
 */
export async function signUp(t: TestApp, email: string, password = "correct-horse-battery") {
  const res = await t.app.request(
    "/api/auth/sign-up/email",
    json({ name: "Test Learner", email, password }),
  );
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return openVerificationLink(t, email);
}

/** Follows the newest verification link mailed to `email`; returns the session cookie. */
export async function openVerificationLink(t: TestApp, email: string) {
  const mail = await t.mailbox.waitFor(email, { subject: /confirm/i });
  const link = firstLink(mail);
  const res = await t.app.request(`${link.pathname}${link.search}`);
  if (res.status !== 302) throw new Error(`verification failed: ${res.status} ${await res.text()}`);
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

/** The id of the user with this email (tests look users up, they never insert them). */
export async function userIdOf(t: TestApp, email: string): Promise<string> {
  const [user] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/**
 * Signs up a user, makes them an instructor the way an admin would (which signs them out
 * everywhere), and signs in again.
 */
export async function signUpInstructor(
  t: TestApp,
  email: string,
  password = "correct-horse-battery",
) {
  await signUp(t, email, password);
  const id = await userIdOf(t, email);
  await setUserRole(t.database.db, id, "instructor");
  const res = await t.app.request("/api/auth/sign-in/email", json({ email, password }));
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return { cookie: cookieHeader(res), id };
}
