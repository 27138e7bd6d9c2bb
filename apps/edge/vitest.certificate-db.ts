/**
 * Vitest global setup (Node side) for the certificate tests: a real, migrated Postgres the
 * Worker reaches the way it does in production, through the Neon serverless driver over a
 * WebSocket, here via tools/neon-ws-proxy. The URLs reach workerd as the DATABASE_URL and
 * NEON_WS_PROXY bindings (vitest.config.ts); tests insert their own rows through them.
 *
 * Postgres is a new database on TEST_DATABASE_URL when set, else an in-memory PGlite served
 * over the wire protocol (tools/pglite-server.ts), so the suite needs no installed service.
 *
 * Imported by relative path: @lumen/edge cannot list @lumen/db or @lumen/tools without a
 * lockfile change, and this file runs only under vitest (never in the Worker bundle).
 */

import { createDatabase, type DatabaseClient, migrate } from "@lumen/db";
import { createCourse, createTestDatabase, createUser } from "@lumen/db/testing";
import { startNeonWsProxy } from "@lumen/tools/neon-ws-proxy";
import { freePort } from "@lumen/tools/net";
import { startPgliteServer } from "@lumen/tools/pglite-server";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    certificateDatabase: { url: string; wsProxy: string; courseId: string };
    /** A loopback URL nothing listens on: the origin API, stopped. */
    closedOriginUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const { client, url } = await openPostgres(cleanups);
    const courseId = await seedCourse(client);
    const proxy = await startNeonWsProxy({ allowedTargets: [Number(new URL(url).port || 5432)] });
    cleanups.push(() => proxy.close());
    project.provide("certificateDatabase", { url, wsProxy: proxy.address, courseId });
    project.provide("closedOriginUrl", `http://127.0.0.1:${await freePort()}`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function openPostgres(cleanups: Array<() => Promise<void>>) {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase({ driver: "postgres" });
    cleanups.push(() => database.close());
    if (!database.url) throw new Error("createTestDatabase returned no URL for Postgres");
    return { client: database, url: database.url };
  }
  const server = await startPgliteServer({ port: 0 });
  cleanups.push(() => server.close());
  const client = createDatabase({ driver: "postgres", url: server.url, maxConnections: 2 });
  cleanups.push(() => client.close());
  await migrate(client);
  return { client, url: server.url };
}

/** The course every test certificate belongs to (certificates reference a real enrollment). */
async function seedCourse(client: DatabaseClient): Promise<string> {
  const instructor = await createUser(client.db, "learner", {
    id: "edge-cert-instructor",
    name: "Edge Instructor",
    email: "instructor@edge.test",
  });
  const course = await createCourse(client.db, instructor, {
    slug: "edge-certificates",
    title: "Verifiable Certificates",
    status: "draft",
    publishedAt: null,
  });
  return course.id;
}
