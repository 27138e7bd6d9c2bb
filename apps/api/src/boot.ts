import { EnvError, parseApiEnv } from "./env";

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
