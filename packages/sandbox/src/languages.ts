/**
 * The language table: one entry per language. A third language is one more entry: where its
 * runtime is on the host, where it appears in the sandbox, which directories it needs besides
 * the binary's shared libraries, and how it runs a file.
 */
export interface Language {
  /** What people call it, for pickers and messages. */
  label: string;
  /** The file a single-file submission is saved as. */
  mainFile: string;
  /** The runtime on the host; symlinks are followed. */
  hostBinary: () => string;
  /** Where the runtime appears inside the sandbox. */
  binary: string;
  /** Host directories mounted read-only at the same path (a standard library, …). */
  trees: (hostBinary: string) => string[];
  /** argv for running `entry` (a path relative to the work directory). */
  command: (entry: string, args: string[]) => string[];
  /** Extra environment variables (the sandbox starts from an empty environment). */
  env: Record<string, string>;
}

export const languageNames = ["python", "javascript"] as const;
export type LanguageName = (typeof languageNames)[number];

export const languages: Record<LanguageName, Language> = {
  python: {
    label: "Python 3",
    mainFile: "main.py",
    // Debian's Python 3: root-owned, security updates through apt.
    hostBinary: () => "/usr/bin/python3",
    binary: "/usr/bin/python3",
    // python3.11 → /usr/lib/python3.11 (the standard library and lib-dynload).
    trees: (host) => [`/usr/lib/${host.split("/").pop()}`],
    command: (entry, args) => ["/usr/bin/python3", "-B", entry, ...args],
    env: { PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" },
  },
  javascript: {
    label: "JavaScript (Node.js)",
    mainFile: "main.js",
    // The Node that runs the grader itself: Node 22, which the repository requires (engines),
    // so it is present wherever grading runs. Debian's /usr/bin/node here is Node 20, past its
    // end of life (April 2026), and not guaranteed to be installed.
    hostBinary: () => process.execPath,
    binary: "/usr/local/bin/node",
    trees: () => [],
    command: (entry, args) => ["/usr/local/bin/node", entry, ...args],
    env: {},
  },
};
