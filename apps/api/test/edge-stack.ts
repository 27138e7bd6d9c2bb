import type { SessionUser } from "@lumen/core/kernel";
import { createTestWorld } from "@lumen/core/testing";
import { loadSessionUser } from "@lumen/core/users";
import { createJobQueue, startJobRunner } from "@lumen/jobs";
import type { FfmpegConfig } from "@lumen/media";
import { freePort } from "@lumen/tools/net";
import { startWranglerDev } from "@lumen/tools/wrangler-dev";
import { createCaller, createContextInner } from "@lumen/trpc";
import { parseApiEnv } from "../src/env";
import { jobHandlers } from "../src/jobs/handlers";
import { createLogger } from "../src/logger";
import { createMediaContext } from "../src/media";

/**
 * The Node side wired to a real edge, for end-to-end tests: `wrangler dev` (local R2/KV), core's
 * test world (this file's own database, outbox, search, progress ingest) with media stored at
 * that edge instead of in memory, the real job runner (with FFmpeg when given, else without the video
 * queues), and tRPC callers over the same context the API builds. `logs` holds the runner's
 * log lines for failure messages.
 */
export async function startEdgeStack({
  ffmpeg,
  issuerAtEdge = false,
}: {
  ffmpeg: FfmpegConfig | null;
  /**
   * Make the issuer id this edge's own `/issuer` (API and edge alike) instead of the dev
   * placeholder, so the issuer profile, key URLs and status lists resolve as in production.
   */
  issuerAtEdge?: boolean;
}) {
  const port = await freePort();
  const issuerId: Record<string, string> = issuerAtEdge
    ? { ISSUER_ID: `http://127.0.0.1:${port}/issuer` }
    : {};
  const [edge, world] = await Promise.all([
    startWranglerDev(issuerId, { port }),
    createTestWorld(),
  ]);
  const { database, outbox, search, progress } = world;
  const env = parseApiEnv({
    LUMEN_ENV: "test",
    EDGE_URL: edge.url,
    ...(issuerId.ISSUER_ID ? { CREDENTIAL_ISSUER_ID: issuerId.ISSUER_ID } : {}),
  });
  // R2 behind the edge, not the world's in-memory store: the edge serves what the runner wrote.
  const media = createMediaContext(env);
  const logs: string[] = [];
  const logger = createLogger({ level: "info", write: (line) => logs.push(line) });
  const runner = await startJobRunner({
    queue: createJobQueue(database.connection),
    handlers: jobHandlers({
      db: database.db,
      env,
      logger,
      search,
      outbox,
      media,
      ffmpeg,
      grading: false,
    }),
    logger,
    pollingIntervalSeconds: 0.5,
  });
  return {
    edge,
    database,
    db: database.db,
    outbox,
    media,
    /** The world's search backend (what the runner's search.index-course jobs write). */
    search,
    logs,
    callerFor: (user: SessionUser) =>
      createCaller(
        createContextInner({
          db: database.db,
          user,
          currentUser: () => loadSessionUser(database.db, user.id),
          outbox,
          search,
          media,
          progress,
        }),
      ),
    close: async () => {
      await runner.stop(5_000);
      await world.close();
      await edge.stop();
    },
  };
}

export type EdgeStack = Awaited<ReturnType<typeof startEdgeStack>>;
