import { createDatabase, databaseConfigFromEnv, migrate } from "@lumen/db";
import { createJobQueue, openOutbox, startJobRunner } from "@lumen/jobs";
import { createSearchBackend } from "@lumen/search";
import { loadEnvOrExit } from "../boot";
import { createLogger } from "../logger";
import { onShutdown } from "../shutdown";
import { jobHandlers } from "./handlers";

// The job runner: a second entry point over the same database and code as the API.
const env = loadEnvOrExit();
const logger = createLogger({ level: env.LOG_LEVEL, base: { service: "jobs" } });
const database = createDatabase(databaseConfigFromEnv(env));
await migrate(database);
const outbox = await openOutbox(database.connection);
const runner = await startJobRunner({
  queue: createJobQueue(database.connection),
  handlers: jobHandlers({
    db: database.db,
    env,
    logger,
    search: createSearchBackend(database.db, env),
    outbox,
  }),
  logger,
});

onShutdown(
  logger,
  async () => {
    await runner.stop();
    await outbox.close();
    await database.close();
  },
  35_000,
);
