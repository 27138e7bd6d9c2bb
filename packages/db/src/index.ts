export {
  createDatabase,
  type Database,
  type DatabaseClient,
  type DatabaseConfig,
  type DatabaseConnection,
  PGLITE_EXTENSIONS,
} from "./client";
export { databaseConfigFromEnv, databaseEnvSchema, liveConnectionFromEnv } from "./env";
export {
  type DatabaseFailure,
  databaseFailureOf,
  isFailedStatement,
  isUnstorableText,
} from "./errors";
export { ping } from "./health";
export {
  type ListenerHandlers,
  type ListenOptions,
  listenForNotifications,
  type NotificationListener,
} from "./listen";
export { migrate, migrationsFolder } from "./migrate";
export { executeNamed } from "./named-statement";
export * as schema from "./schema";
export * from "./schema";
export { formatIntervals, type Intervals, parseIntervals } from "./schema/types";
