import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { apiProxy } from "./vite.proxy.ts";

const apiUrl = process.env.LUMEN_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy: apiProxy(apiUrl) },
  preview: { port: 4173, proxy: apiProxy(apiUrl) },
  build: {
    target: "es2022",
    sourcemap: true,
    rolldownOptions: {
      // @lumen/shared builds its zod schemas at module level; the SPA only needs the plain
      // constants beside them. Marking zod's builders pure lets unused schemas (and zod with
      // them, ~25 kB gzipped) drop out of the bundle. The API still validates every input.
      treeshake: { manualPureFunctions: ["z"] },
    },
  },
});
