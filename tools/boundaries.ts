/**
 * The domain package's boundary rule (ADR 0013), run by `pnpm lint` and so by `pnpm test`:
 * - inside packages/core/src, a feature reaches another feature (or the kernel) only through
 *   its entry, `../<feature>` (= `<feature>/index.ts`); the kernel imports no feature;
 * - core imports neither tRPC nor Hono, nor any app;
 * - outside packages/core, core is imported only through the entries its package.json exports
 *   (`@lumen/core/<feature>`), never by a deeper path or a relative path into its files;
 * - no import cycle between core's feature folders, nor between its files;
 * - `testing/` (the test world, `@lumen/core/testing`) sits above every feature: only tests
 *   and testing's own files import it, and a test's imports make no feature edges (a test of
 *   progress may use the world that composes progress).
 * Prints each problem with the file and exits 1; prints one summary line when all is well.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";

export interface SourceFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  text: string;
}

export interface Problem {
  file: string;
  message: string;
}

const CORE_SRC = "packages/core/src/";
const CORE_ROOT = "packages/core/";
const KERNEL = "kernel";
const TESTING = "testing";
const isTest = (path: string) => /\.test\.tsx?$/.test(path);
/** Transports and apps the domain must not know about. */
const FORBIDDEN_IN_CORE = [
  /^@trpc\//,
  /^hono(\/|$)/,
  /^@hono\//,
  /^@lumen\/(trpc|api|web|edge)(\/|$)/,
];

/** Every module specifier a file imports or re-exports (static, side-effect and dynamic). */
export function importsOf(text: string): string[] {
  // Comments may quote code; strings never hold these patterns in this repository.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^"';]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) if (match[1]) specifiers.push(match[1]);
  }
  return specifiers;
}

/** The file a relative specifier names, as the bundler resolves it (extension or index). */
function resolveRelative(from: string, specifier: string, exists: (path: string) => boolean) {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((candidate) => /\.tsx?$/.test(candidate) && exists(candidate)) ?? base;
}

/** The top folder of a path inside core's src (a feature, or the kernel); null elsewhere. */
function featureOf(path: string): string | null {
  if (!path.startsWith(CORE_SRC)) return null;
  return path.slice(CORE_SRC.length).split("/")[0] ?? null;
}

/** Cycles in a directed graph, each as the path that closes it (a → b → a). */
export function cyclesOf(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function addEdge(graph: Map<string, Set<string>>, from: string, to: string) {
  const edges = graph.get(from) ?? new Set<string>();
  edges.add(to);
  graph.set(from, edges);
}

/**
 * Checks `files` against the rules. `coreExports` are the keys of core's package.json
 * "exports" ("./kernel", "./video", …).
 */
export function checkBoundaries(files: readonly SourceFile[], coreExports: readonly string[]) {
  const paths = new Set(files.map((f) => f.path));
  const exists = (path: string) => paths.has(path);
  const allowed = new Set(coreExports.map((key) => `@lumen/core${key.slice(1)}`));
  const problems: Problem[] = [];
  const features = new Map<string, Set<string>>();
  const modules = new Map<string, Set<string>>();

  for (const file of files) {
    const from = featureOf(file.path);
    if (from) features.set(from, features.get(from) ?? new Set());
    for (const specifier of importsOf(file.text)) {
      const relativeTarget = specifier.startsWith(".")
        ? resolveRelative(file.path, specifier, exists)
        : null;
      if (from) {
        if (FORBIDDEN_IN_CORE.some((pattern) => pattern.test(specifier))) {
          problems.push({ file: file.path, message: `the domain imports "${specifier}"` });
        }
        if (specifier.startsWith("@lumen/core")) {
          problems.push({
            file: file.path,
            message: `imports its own package by name ("${specifier}"); use ../<feature>`,
          });
        }
        if (!relativeTarget) continue;
        const to = featureOf(relativeTarget);
        if (!to) {
          if (!relativeTarget.startsWith(CORE_ROOT)) {
            problems.push({ file: file.path, message: `reaches outside core ("${specifier}")` });
          }
          continue;
        }
        if (exists(relativeTarget)) addEdge(modules, file.path, relativeTarget);
        if (to === from) continue;
        if (to === TESTING && !isTest(file.path)) {
          problems.push({ file: file.path, message: `only tests import ../${TESTING}` });
        }
        if (!isTest(file.path)) addEdge(features, from, to);
        if (from === KERNEL) {
          problems.push({ file: file.path, message: `the kernel imports the ${to} feature` });
        } else if (!/^packages\/core\/src\/[^/]+\/index\.tsx?$/.test(relativeTarget)) {
          problems.push({
            file: file.path,
            message: `reaches into ${to}'s internals ("${specifier}"); import "../${to}"`,
          });
        }
      } else if (!file.path.startsWith(CORE_ROOT)) {
        if (specifier.startsWith("@lumen/core") && !allowed.has(specifier)) {
          problems.push({
            file: file.path,
            message: `imports "${specifier}", which is not an entry of @lumen/core (${[...allowed].join(", ")})`,
          });
        }
        if (relativeTarget?.startsWith(CORE_ROOT)) {
          problems.push({
            file: file.path,
            message: `reaches into core's files ("${specifier}"); import an @lumen/core entry`,
          });
        }
      }
    }
  }
  for (const cycle of cyclesOf(features)) {
    problems.push({
      file: `${CORE_SRC}${cycle[0]}`,
      message: `feature folders import each other in a cycle: ${cycle.join(" → ")}`,
    });
  }
  for (const cycle of cyclesOf(modules)) {
    problems.push({ file: cycle[0] ?? "", message: `import cycle: ${cycle.join(" → ")}` });
  }
  return { problems, features };
}

const SKIP = new Set(["node_modules", "dist", ".wrangler", ".data", "coverage", "test-results"]);

/** The TypeScript sources of the workspace folders, repository-relative. */
export function workspaceSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name) || name.startsWith(".")) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) {
        files.push({
          path: relative(root, full).split("\\").join("/"),
          text: readFileSync(full, "utf8"),
        });
      }
    }
  };
  for (const top of ["apps", "packages", "tools", "bench"]) {
    if (existsSync(join(root, top))) walk(join(root, top));
  }
  return files;
}

export function coreExportsOf(root: string): string[] {
  const manifest: unknown = JSON.parse(readFileSync(join(root, CORE_ROOT, "package.json"), "utf8"));
  const exports =
    typeof manifest === "object" && manifest !== null ? Reflect.get(manifest, "exports") : null;
  return typeof exports === "object" && exports !== null ? Object.keys(exports) : [];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const files = workspaceSources(root);
  const { problems, features } = checkBoundaries(files, coreExportsOf(root));
  for (const problem of problems) console.error(`${problem.file}: ${problem.message}`);
  if (problems.length > 0) {
    console.error(`\nboundaries: ${problems.length} problem(s) (ADR 0013)`);
    process.exit(1);
  }
  console.log(
    `boundaries: ${files.length} files, ${features.size} core folders, entries only, no cycles`,
  );
}
