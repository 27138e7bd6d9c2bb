import type { Logger } from "./logger";

/**
 * On SIGTERM/SIGINT: stop taking work, let in-flight work finish, close resources, exit.
 * A second signal, or a stuck close after `graceMs`, forces the exit.
 */
export function onShutdown(logger: Logger, close: () => Promise<void>, graceMs = 10_000): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info("shutting down", { signal });
    setTimeout(() => {
      logger.error("shutdown timed out; forcing exit", { graceMs });
      process.exit(1);
    }, graceMs).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("shutdown failed", { err: error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
