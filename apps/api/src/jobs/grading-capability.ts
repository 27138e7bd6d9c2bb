import { type CapabilityReport, GRADING } from "@lumen/jobs";
import {
  type Availability,
  ENABLE_GRADING,
  type SandboxOptions,
  sandboxAvailable,
} from "@lumen/sandbox";
import type { Logger } from "../logger";

/**
 * Decides at start-up whether this runner grades code: a trivial program must run in a real
 * gVisor sandbox. A runner that cannot leaves the grading queue alone (submissions wait
 * there for a runner that can) and tells the exercise pages why through its capability row.
 */
export async function checkGradingCapability({
  logger,
  sandbox = {},
  check = sandboxAvailable,
}: {
  logger: Pick<Logger, "info" | "warn">;
  sandbox?: SandboxOptions;
  check?: (options: SandboxOptions) => Promise<Availability>;
}): Promise<{ available: boolean; report: CapabilityReport }> {
  const started = performance.now();
  const availability = await check(sandbox);
  if (!availability.ok) {
    logger.warn(`code grading off: ${availability.reason}; to enable it, ${ENABLE_GRADING}`);
    return {
      available: false,
      report: { capability: GRADING, available: false, reason: availability.reason },
    };
  }
  logger.info("code grading ready", {
    runsc: availability.runsc,
    selfTestMs: Math.round(performance.now() - started),
  });
  return {
    available: true,
    report: {
      capability: GRADING,
      available: true,
      reason: null,
      detail: { runsc: availability.runsc },
    },
  };
}
