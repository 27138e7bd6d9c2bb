import { SandboxUnavailableError } from "./errors";
import { type SandboxOptions, sandboxHost } from "./host";
import { runInSandbox } from "./run";

/** How to turn grading on, for the people who read why it is off. */
export const ENABLE_GRADING =
  "install gVisor (apt-get install runsc) and run the job runner as root with cgroup v1";

export type Availability = { ok: true; runsc: string } | { ok: false; reason: string };

/**
 * Whether grading can run here: runsc is installed, the run's cgroups can be made, and a
 * trivial program runs in a real sandbox and prints what it should. Never throws.
 */
export async function sandboxAvailable(options: SandboxOptions = {}): Promise<Availability> {
  try {
    const host = await sandboxHost(options);
    const result = await runInSandbox(
      { language: "javascript", files: { "main.js": 'console.log("ok")' }, entry: "main.js" },
      options,
    );
    if (result.status !== "ok" || result.stdout !== "ok\n") {
      return { ok: false, reason: `a trivial run failed: ${result.status} ${result.stderr}` };
    }
    return { ok: true, runsc: host.runsc };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Throws SandboxUnavailableError with the reason unless the sandbox works here. */
export async function assertSandboxAvailable(options: SandboxOptions = {}): Promise<void> {
  const availability = await sandboxAvailable(options);
  if (!availability.ok) throw new SandboxUnavailableError(availability.reason);
}
