import { type ApiEnv, EnvError, parseApiEnv } from "./env";
import type { Logger } from "./logger";

/** Parses the environment or exits with a message naming each bad variable (no stack trace). */
export function loadEnvOrExit() {
  try {
    return parseApiEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * One warning per variable still set under its deprecated name, logged once at start-up. The
 * value is never logged, only the names.
 */
export function warnAboutDeprecatedEnv(
  env: Pick<ApiEnv, "deprecatedNames">,
  logger: Pick<Logger, "warn">,
): void {
  for (const { deprecated, current } of env.deprecatedNames) {
    logger.warn(
      `${deprecated} is deprecated: it is now ${current}; set that and delete ${deprecated}`,
      {
        deprecated,
        current,
      },
    );
  }
}
