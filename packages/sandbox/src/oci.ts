import type { Limits } from "./request";
import type { RuntimeMount } from "./runtime";

/** Inside the sandbox: the program's files, on an in-memory overlay (see run.ts). */
export const WORK_DIR = "/work";
/** The unprivileged user the program runs as inside the sandbox. */
const NOBODY = 65534;

/**
 * The OCI runtime spec of one run: an empty read-only root holding only the runtime's files
 * (read-only bind mounts), the work directory, an empty environment but for the language's
 * few variables, no capabilities, and the limits gVisor's kernel enforces as rlimits.
 */
export function ociSpec(options: {
  argv: string[];
  env: Record<string, string>;
  runtime: RuntimeMount[];
  workSource: string;
  limits: Limits;
}) {
  const { limits } = options;
  const rlimit = (type: string, value: number) => ({ type, hard: value, soft: value });
  const readOnly = ["rbind", "ro", "nosuid", "nodev"];
  return {
    ociVersion: "1.0.0",
    process: {
      user: { uid: NOBODY, gid: NOBODY },
      args: options.argv,
      env: [
        "PATH=/usr/local/bin:/usr/bin:/bin",
        `HOME=${WORK_DIR}`,
        "LANG=C.UTF-8",
        ...Object.entries(options.env).map(([name, value]) => `${name}=${value}`),
      ],
      cwd: WORK_DIR,
      terminal: false,
      noNewPrivileges: true,
      capabilities: { bounding: [], effective: [], inheritable: [], permitted: [], ambient: [] },
      rlimits: [
        rlimit("RLIMIT_NPROC", limits.processes),
        rlimit("RLIMIT_FSIZE", limits.fileBytes),
        rlimit("RLIMIT_NOFILE", 256),
        rlimit("RLIMIT_CORE", 0),
      ],
    },
    root: { path: "rootfs", readonly: true },
    hostname: "sandbox",
    mounts: [
      { destination: "/proc", type: "proc", source: "proc" },
      { destination: "/dev", type: "tmpfs", source: "tmpfs" },
      // Writable, but the overlay keeps every write in the sandbox's memory.
      { destination: WORK_DIR, type: "bind", source: options.workSource, options: ["rbind"] },
      ...options.runtime.map((mount) => ({
        destination: mount.destination,
        type: "bind",
        source: mount.source,
        options: readOnly,
      })),
    ],
    linux: {
      namespaces: ["pid", "ipc", "uts", "mount", "network"].map((type) => ({ type })),
    },
  };
}
