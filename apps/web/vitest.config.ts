import { defineConfig } from "vitest/config";

/**
 * Two projects so `pnpm test` runs both: fast unit tests beside the code, and the
 * real-browser journey (which builds the app and starts its own API and database).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "unit", include: ["src/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
