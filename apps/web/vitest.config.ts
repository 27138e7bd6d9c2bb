import { lingui } from "@lingui/vite-plugin";
import { configDefaults, defineConfig } from "vitest/config";

const PERF = "src/**/*.perf.test.{ts,tsx}";

/**
 * Three projects so `pnpm test` runs them all: fast unit tests beside the code, timing tests
 * (against React's production build, the one learners run — development React spends more
 * on its own checks than the code under test does), and the real-browser journey (which
 * builds the app and starts its own API and database).
 */
export default defineConfig({
  test: {
    projects: [
      {
        // Components under test use Lingui's macros, as the app's build does.
        plugins: [lingui({ macroTransform: true })],
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}"],
          // A test that first imports a catalog compiles its .po (Lingui's plugin): seconds
          // alone, past vitest's 5 s default on CI's loaded machine.
          testTimeout: 30_000,
          setupFiles: ["src/lib/i18n/test-setup.ts"],
          exclude: [...configDefaults.exclude, PERF],
          environment: "node",
          // A CSS module's class is its own name here, so rendered markup reads as written.
          css: { modules: { classNameStrategy: "non-scoped" } },
        },
      },
      {
        plugins: [lingui({ macroTransform: true })],
        // React's production JSX runtime has no jsxDEV: compile JSX for it here too.
        oxc: { jsx: { development: false } },
        test: {
          name: "perf",
          include: [PERF],
          setupFiles: ["src/lib/i18n/perf-setup.ts"],
          environment: "node",
          env: { NODE_ENV: "production" },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          globalSetup: ["e2e/build-once.ts"],
          environment: "node",
          // Each journey also runs axe on every page it visits: seconds apiece on a busy machine.
          testTimeout: 180_000,
          // A stack's start (API, job runner, edge) has a 180 s deadline of its own (e2e/stack.ts).
          hookTimeout: 200_000,
        },
      },
    ],
  },
});
