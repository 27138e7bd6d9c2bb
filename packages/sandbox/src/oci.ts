import type { Limits } from "./request";
import type { RuntimeMount } from "./runtime";

/** Inside the sandbox: the program's files, on an in-memory overlay (see run.ts). */
export const WORK_DIR = "/work";
/** The unprivileged user the program runs as inside the sandbox. */
const NOBODY = 65534;
const SUPERVISOR_CAPABILITIES = [
  "CAP_SETUID",
  "CAP_SETGID",
  "CAP_KILL",
  "CAP_CHOWN",
  "CAP_FOWNER",
  "CAP_DAC_OVERRIDE",
];

/** CPU seconds a run may use in all: three times its time limit, plus five. */
export function orphanCpuSeconds(timeMs: number): number {
  return Math.ceil((3 * timeMs) / 1000) + 5;
}

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
  /**
   * The supervisor of a batch (grade/supervisor.py): root inside the sandbox with just the
   * capabilities to start programs as the unprivileged user, copy their files and kill them.
   * gVisor's root has no power outside the sandbox; the programs never run as it.
   */
  supervisor?: boolean;
}) {
  const { limits } = options;
  const caps = options.supervisor ? SUPERVISOR_CAPABILITIES : [];
  const rlimit = (type: string, value: number) => ({ type, hard: value, soft: value });
  const readOnly = ["rbind", "ro", "nosuid", "nodev"];
  return {
    ociVersion: "1.0.0",
    process: {
      user: options.supervisor ? { uid: 0, gid: 0 } : { uid: NOBODY, gid: NOBODY },
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
      capabilities: {
        bounding: caps,
        effective: caps,
        inheritable: [],
        permitted: caps,
        ambient: [],
      },
      rlimits: [
        rlimit("RLIMIT_NPROC", limits.processes),
        rlimit("RLIMIT_FSIZE", limits.fileBytes),
        rlimit("RLIMIT_NOFILE", 256),
        rlimit("RLIMIT_CORE", 0),
        // The host's timer ends a run at its time limit; this bounds the CPU a run can burn if
        // that timer's process dies first (a killed grader can leave gVisor's sandbox process
        // behind), loosely enough never to pre-empt the timer (several threads on two cores).
        rlimit("RLIMIT_CPU", orphanCpuSeconds(limits.timeMs)),
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
