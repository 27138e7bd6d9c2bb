import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createDatabase, type Database, enrollments, lessons, modules, users } from "@lumen/db";
import { DEMO_USERS, seed } from "@lumen/db/seed";
import { startNodeChild, waitUntilServing } from "@lumen/tools/child-server";
import { freePort } from "@lumen/tools/net";
import { startPgliteServer } from "@lumen/tools/pglite-server";
import { eq, sql } from "drizzle-orm";
import { databaseForProcesses } from "./video-pipeline-processes";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
export const WEB_ORIGIN = "http://localhost:5173";

/**
 * An empty database (not even migrated) another process can reach: what a first deploy, or
 * the first `pnpm dev`, boots against.
 */
export async function emptyProcessDatabase(): Promise<{
  url: string;
  db: Database;
  close(): Promise<void>;
}> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `lumen_test_${randomBytes(6).toString("hex")}`;
    await adminStatement(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const client = createDatabase({ driver: "postgres", url: url.toString(), maxConnections: 2 });
    return {
      url: url.toString(),
      db: client.db,
      close: async () => {
        await client.close();
        await adminStatement(adminUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const server = await startPgliteServer({ port: 0 });
  const client = createDatabase({ driver: "postgres", url: server.url, maxConnections: 2 });
  return {
    url: server.url,
    db: client.db,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** Runs one statement on the server's admin database (create/drop database). */
async function adminStatement(url: string, statement: string) {
  const admin = createDatabase({ driver: "postgres", url, maxConnections: 1 });
  try {
    await admin.db.execute(sql.raw(statement));
  } finally {
    await admin.close();
  }
}

/**
 * A seeded database another process can reach: a new Postgres database under
 * TEST_DATABASE_URL, else an in-memory PGlite served over the wire protocol (as `pnpm dev`
 * runs it). `db` is this process's own connection to it, for counting what was stored.
 */
export async function processDatabase(): Promise<{
  url: string;
  db: Database;
  close(): Promise<void>;
}> {
  const database = await databaseForProcesses();
  await seed(database.db, { courses: 1 });
  return database;
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  output(): string;
  /** `kill -9`: no shutdown hook, no flush, no goodbye. */
  kill(): Promise<void>;
  /** SIGTERM, as a process manager stops it. */
  terminate(): void;
}

/** The real API (src/server.ts) as a child process on loopback, ready once /readyz answers. */
export async function startApiProcess(databaseUrl: string, port?: number): Promise<ApiProcess> {
  const listenPort = port ?? (await freePort());
  const api = startNodeChild({
    cwd: apiDir,
    args: ["--import", "tsx", "src/server.ts"],
    // Only what the API needs: a developer's own settings must not leak in.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LUMEN_ENV: "test",
      DATABASE_DRIVER: "postgres",
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(listenPort),
      WEB_ORIGIN,
      LOG_LEVEL: "info",
    },
  });
  const url = `http://127.0.0.1:${listenPort}`;
  await waitUntilServing(`${url}/readyz`, api, Date.now() + 90_000, "API");
  return {
    url,
    child: api.child,
    exited: api.exited,
    output: api.output,
    kill: api.kill,
    terminate: () => {
      api.child.kill("SIGTERM");
    },
  };
}

const learner = DEMO_USERS.find((u) => u.email.startsWith("learner@"));

/** Signs the seeded demo learner in over HTTP; returns the Cookie header. */
export async function signInLearner(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN },
    body: JSON.stringify({ email: learner?.email, password: learner?.password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The seeded learner enrolled in the seeded course, and one of its lessons. */
export async function enrolledLesson(db: Database) {
  const [lesson] = await db
    .select({ lessonId: lessons.id, courseId: modules.courseId })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .limit(1);
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, learner?.email ?? ""));
  if (!lesson || !user) throw new Error("the seed has no lesson or learner");
  const [enrollment] = await db
    .insert(enrollments)
    .values({ userId: user.id, courseId: lesson.courseId })
    .returning({ id: enrollments.id });
  if (!enrollment) throw new Error("enrollment not created");
  return { enrollmentId: enrollment.id, lessonId: lesson.lessonId };
}
