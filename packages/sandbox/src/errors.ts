/**
 * The sandbox cannot start here (no runsc, no memory cgroup): grading must wait, never run
 * code unsandboxed. Callers leave the submission queued and show `message`.
 */
export class SandboxUnavailableError extends Error {
  override name = "SandboxUnavailableError";
}

/** runsc itself failed on a run (not the program): an infrastructure error, worth a retry. */
export class SandboxFailedError extends Error {
  override name = "SandboxFailedError";
}
