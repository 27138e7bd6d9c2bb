import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkBoundaries,
  coreExportsOf,
  cyclesOf,
  importsOf,
  type SourceFile,
  workspaceSources,
} from "./boundaries";

const EXPORTS = ["./kernel", "./video", "./progress", "./authoring"];
const src = (path: string, ...imports: string[]): SourceFile => ({
  path,
  text: imports.map((i, n) => `import { a${n} } from "${i}";`).join("\n"),
});
/** A small core: video and progress entries, a kernel, and whatever the case adds. */
const world = (...extra: SourceFile[]): SourceFile[] => [
  src("packages/core/src/kernel/index.ts"),
  src("packages/core/src/video/index.ts", "./playback"),
  src("packages/core/src/video/playback.ts", "../kernel", "../progress"),
  src("packages/core/src/progress/index.ts", "./coverage"),
  src("packages/core/src/progress/coverage.ts", "../kernel"),
  ...extra,
];
const messages = (files: SourceFile[]) =>
  checkBoundaries(files, EXPORTS).problems.map((p) => `${p.file}: ${p.message}`);

describe("checkBoundaries", () => {
  it("accepts features that meet through their entries and the kernel", () => {
    expect(messages(world())).toEqual([]);
  });

  it("refuses a feature reaching into another feature's file", () => {
    const deep = src("packages/core/src/video/resume.ts", "../progress/coverage");

    expect(messages(world(deep))).toEqual([
      `packages/core/src/video/resume.ts: reaches into progress's internals ("../progress/coverage"); import "../progress"`,
    ]);
  });

  it("refuses a kernel that imports a feature, and a domain that imports tRPC or Hono", () => {
    const kernel = src("packages/core/src/kernel/errors.ts", "../video");
    const transport = src(
      "packages/core/src/video/route.ts",
      "@trpc/server",
      "hono/http-exception",
    );

    const found = messages(world(kernel, transport));

    // Features import the kernel, so a kernel importing one also closes a cycle (reported too).
    expect(found).toContain(
      "packages/core/src/kernel/errors.ts: the kernel imports the video feature",
    );
    expect(found).toContain(`packages/core/src/video/route.ts: the domain imports "@trpc/server"`);
    expect(found).toContain(
      `packages/core/src/video/route.ts: the domain imports "hono/http-exception"`,
    );
    expect(messages(world(transport))).toHaveLength(2);
  });

  it("refuses deep or relative imports of core from outside, and accepts its entries", () => {
    const router = src(
      "packages/trpc/src/routers/video.ts",
      "@lumen/core/video",
      "@lumen/core/video/playback",
      "../../../core/src/video/playback",
    );

    expect(messages(world(router))).toEqual([
      `packages/trpc/src/routers/video.ts: imports "@lumen/core/video/playback", which is not an entry of @lumen/core (@lumen/core/kernel, @lumen/core/video, @lumen/core/progress, @lumen/core/authoring)`,
      `packages/trpc/src/routers/video.ts: reaches into core's files ("../../../core/src/video/playback"); import an @lumen/core entry`,
    ]);
  });

  it("reports feature folders that import each other, even through their entries", () => {
    const back = src("packages/core/src/progress/position.ts", "../video");

    expect(messages(world(back))).toContain(
      "packages/core/src/progress: feature folders import each other in a cycle: progress → video → progress",
    );
  });

  it("reports a cycle between files inside a feature", () => {
    const a = src("packages/core/src/video/a.ts", "./b");
    const b = src("packages/core/src/video/b.ts", "./a");

    expect(messages(world(a, b))).toEqual([
      "packages/core/src/video/a.ts: import cycle: packages/core/src/video/a.ts → packages/core/src/video/b.ts → packages/core/src/video/a.ts",
    ]);
  });

  it("lets tests use the testing world above every feature, and nothing else", () => {
    const testing = src("packages/core/src/testing/index.ts", "../progress", "../video");
    const test = src("packages/core/src/progress/coverage.test.ts", "../testing", "./coverage");
    const misuse = src("packages/core/src/video/seed.ts", "../testing");

    expect(messages(world(testing, test))).toEqual([]);
    expect(messages(world(testing, misuse))).toEqual([
      "packages/core/src/video/seed.ts: only tests import ../testing",
      expect.stringContaining("feature folders import each other in a cycle"),
    ]);
  });

  it("holds for the repository as it is", () => {
    const root = join(import.meta.dirname, "..");

    const { problems } = checkBoundaries(workspaceSources(root), coreExportsOf(root));

    expect(problems).toEqual([]);
  });
});

describe("importsOf", () => {
  it("finds static, type-only, re-exported, side-effect and dynamic imports, not commented ones", () => {
    const text = [
      `import { a } from "./a";`,
      `import type {\n  B,\n} from "../b";`,
      `export { c } from "./c";`,
      `import "./d";`,
      `const e = await import("./e");`,
      `// import { f } from "./f";`,
      `/** import { g } from "./g"; */`,
    ].join("\n");

    expect(importsOf(text).sort()).toEqual(["../b", "./a", "./c", "./d", "./e"]);
  });
});

describe("cyclesOf", () => {
  it("finds a three-step cycle once, and nothing in a diamond", () => {
    const graph = (edges: Record<string, string[]>) =>
      new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

    expect(cyclesOf(graph({ a: ["b"], b: ["c"], c: ["a"] }))).toEqual([["a", "b", "c", "a"]]);
    expect(cyclesOf(graph({ a: ["b", "c"], b: ["d"], c: ["d"], d: [] }))).toEqual([]);
  });
});
