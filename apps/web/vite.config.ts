import { lingui } from "@lingui/vite-plugin";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { productionHeaders } from "./csp.ts";
import { apiProxy } from "./vite.proxy.ts";

const apiUrl = process.env.LUMEN_API_URL ?? "http://127.0.0.1:3000";
/** The edge as browsers reach it (the API's EDGE_PUBLIC_URL): allowed by the preview's CSP. */
const edgeUrl = process.env.LUMEN_EDGE_URL ?? "http://127.0.0.1:8787";

export default defineConfig({
  // Lingui first: its macros become catalog lookups before React's transform (ADR 0028).
  plugins: [lingui({ macroTransform: true }), react()],
  server: { port: 5173, strictPort: true, proxy: apiProxy(apiUrl) },
  // `vite preview` serves the build as production would: with the production headers.
  preview: { port: 4173, proxy: apiProxy(apiUrl), headers: productionHeaders({ edgeUrl }) },
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
