export { createDatabase, type Database, type DatabaseClient, type DatabaseConfig } from "./client";
export { databaseConfigFromEnv, databaseEnvSchema } from "./env";
export { migrate, migrationsFolder } from "./migrate";
export * as schema from "./schema";
export * from "./schema";
