import { access, constants } from "node:fs/promises";
import { type CgroupParents, cgroupParents } from "./cgroup";
import { SandboxUnavailableError } from "./errors";

/** Fixed places only: a PATH lookup would let whoever sets PATH choose the "sandbox". */
const RUNSC_CANDIDATES = ["/usr/bin/runsc", "/usr/local/bin/runsc", "/usr/sbin/runsc"];

/** Why grading is off when runsc is missing; how to turn it on is ENABLE_GRADING. */
export const RUNSC_MISSING = "runsc (gVisor) not found";

export interface SandboxOptions {
  /** The runsc binary; by default the first of RUNSC_CANDIDATES that exists. */
  runsc?: string;
}

export interface SandboxHost {
  runsc: string;
  cgroups: CgroupParents;
}

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What every run needs from the host, or SandboxUnavailableError: never a weaker sandbox. */
export async function sandboxHost(options: SandboxOptions = {}): Promise<SandboxHost> {
  const candidates = options.runsc ? [options.runsc] : RUNSC_CANDIDATES;
  let runsc: string | undefined;
  for (const candidate of candidates) {
    if (await executable(candidate)) {
      runsc = candidate;
      break;
    }
  }
  if (!runsc) throw new SandboxUnavailableError(RUNSC_MISSING);
  if (!(await executable("/usr/bin/setpriv"))) {
    throw new SandboxUnavailableError("setpriv not found: install util-linux to enable grading");
  }
  const cgroups = await cgroupParents();
  if ("reason" in cgroups) {
    throw new SandboxUnavailableError(`no memory limit for sandboxes: ${cgroups.reason}`);
  }
  return { runsc, cgroups };
}
