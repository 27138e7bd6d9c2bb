import { createDatabase, databaseConfigFromEnv, migrate } from "@lumen/db";
import { createJobQueue, startJobRunner } from "@lumen/jobs";
import { loadEnvOrExit } from "../boot";
import { createLogger } from "../logger";
import { onShutdown } from "../shutdown";
import { jobHandlers } from "./handlers";

// The job runner: a second entry point over the same database and code as the API.
const env = loadEnvOrExit();
const logger = createLogger({ level: env.LOG_LEVEL, base: { service: "jobs" } });
const database = createDatabase(databaseConfigFromEnv(env));
await migrate(database);
const runner = await startJobRunner({
  queue: createJobQueue(database.connection),
  handlers: jobHandlers({ db: database.db, env, logger }),
  logger,
});

onShutdown(
  logger,
  async () => {
    await runner.stop();
    await database.close();
  },
  35_000,
);
