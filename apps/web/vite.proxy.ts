import type { ProxyOptions } from "vite";

/**
 * `/trpc`, `/api` (better-auth, cover uploads) and `/media` (uploaded images) go to the API
 * so the browser sees one origin and the session cookie stays first-party. Shared by `vite`,
 * `vite preview` and the e2e test.
 */
export function apiProxy(target: string): Record<string, ProxyOptions> {
  return {
    "/trpc": { target, changeOrigin: false },
    "/api": { target, changeOrigin: false },
    "/media": { target, changeOrigin: false },
  };
}
