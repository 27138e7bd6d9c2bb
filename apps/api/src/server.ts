import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createRollupRequester } from "@lumen/core/analytics";
import { createLiveHub } from "@lumen/core/live";
import { createProgressIngest } from "@lumen/core/progress";
import { createDatabase, databaseConfigFromEnv, liveConnectionFromEnv, migrate } from "@lumen/db";
import { openOutbox } from "@lumen/jobs";
import { createSearchBackend } from "@lumen/search";
import { createApp } from "./app";
import { createAuth } from "./auth";
import { loadEnvOrExit, warnAboutDeprecatedEnv } from "./boot";
import { createLogger } from "./logger";
import { createMailer } from "./mailer";
import { createMediaContext } from "./media";
import { onShutdown } from "./shutdown";

const env = loadEnvOrExit();

const logger = createLogger({ level: env.LOG_LEVEL, base: { service: "api" } });
warnAboutDeprecatedEnv(env, logger);
const database = createDatabase(databaseConfigFromEnv(env));
// Advisory-locked and a no-op once applied, so every instance may run it at boot.
await migrate(database);
const outbox = await openOutbox(database.connection);
const mailer = createMailer({ env, logger });
const auth = createAuth({ db: database.db, env, logger, mailer });
// Progress and quiz writes ask for a dashboard rollup at most every 10 s (ADR 0024).
const analytics = createRollupRequester({
  db: database.db,
  outbox,
  onError: (error) => logger.warn("analytics rollup request failed", { err: error }),
});
const progress = createProgressIngest({ db: database.db, outbox, onCommit: analytics.request });
// One LISTEN per process on its own session; subscriptions fan out from it.
const live = createLiveHub(liveConnectionFromEnv(env, database.connection), {
  onError: (error) => logger.warn("live listener connection lost; reconnecting", { err: error }),
});
const app = createApp({
  db: database.db,
  outbox,
  search: createSearchBackend(database.db, env),
  media: createMediaContext(env),
  progress,
  live,
  analytics,
  auth,
  env,
  logger,
  clientIp: (c) => getConnInfo(c).remote.address,
});

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  logger.info("api listening", { url: `http://${env.HOST}:${info.port}`, driver: database.driver });
});

onShutdown(logger, async () => {
  // Open event streams end first (their clients reconnect elsewhere), or close() would wait.
  const closingServer = new Promise<void>((resolve) => server.close(() => resolve()));
  await live.close();
  await closingServer;
  // Acknowledged progress is committed; what is still queued is flushed before exit.
  await progress.close();
  // Verification mails still going out are sent before exit.
  await mailer.drain();
  mailer.close();
  await outbox.close();
  await database.close();
});
