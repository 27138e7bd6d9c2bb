import type { SessionUser } from "@lumen/core/kernel";
import { createProgressIngest } from "@lumen/core/progress";
import { loadSessionUser } from "@lumen/core/users";
import { createTestDatabase } from "@lumen/db/testing";
import { createJobQueue, openOutbox, startJobRunner } from "@lumen/jobs";
import type { FfmpegConfig } from "@lumen/media";
import { createPostgresSearch } from "@lumen/search";
import { freePort } from "@lumen/tools/net";
import { startWranglerDev } from "@lumen/tools/wrangler-dev";
import { createCaller, createContextInner } from "@lumen/trpc";
import { parseApiEnv } from "../src/env";
import { jobHandlers } from "../src/jobs/handlers";
import { createLogger } from "../src/logger";
import { createMediaContext } from "../src/media";

/**
 * The Node side wired to a real edge, for end-to-end tests: `wrangler dev` (local R2/KV), this
 * file's own database, the real job runner (with FFmpeg when given, else without the video
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
  const [edge, database] = await Promise.all([
    startWranglerDev(issuerId, { port }),
    createTestDatabase(),
  ]);
  const env = parseApiEnv({
    LUMEN_ENV: "test",
    EDGE_URL: edge.url,
    ...(issuerId.ISSUER_ID ? { CREDENTIAL_ISSUER_ID: issuerId.ISSUER_ID } : {}),
  });
  const media = createMediaContext(env);
  const outbox = await openOutbox(database.connection);
  const logs: string[] = [];
  const logger = createLogger({ level: "info", write: (line) => logs.push(line) });
  const search = createPostgresSearch({ db: database.db });
  const progress = createProgressIngest({ db: database.db, outbox });
  const runner = await startJobRunner({
    queue: createJobQueue(database.connection),
    handlers: jobHandlers({ db: database.db, env, logger, search, outbox, media, ffmpeg }),
    logger,
    pollingIntervalSeconds: 0.5,
  });
  return {
    edge,
    database,
    db: database.db,
    outbox,
    media,
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
      await progress.close();
      await outbox.close();
      await database.close();
      await edge.stop();
    },
  };
}

export type EdgeStack = Awaited<ReturnType<typeof startEdgeStack>>;
