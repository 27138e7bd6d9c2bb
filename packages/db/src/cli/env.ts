import { z } from "zod";
import { databaseConfigFromEnv, databaseEnvSchema } from "../env";

/** CLI scripts read the same database variables as the apps, parsed once here. */
export function databaseConfigFromProcessEnv() {
  const parsed = databaseEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(`Invalid database environment:\n${z.prettifyError(parsed.error)}`);
    process.exit(1);
  }
  return databaseConfigFromEnv(parsed.data);
}
