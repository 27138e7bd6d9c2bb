import type { AppRouter } from "@lumen/trpc";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";

export type Api = TRPCClient<AppRouter>;

/** A signed-in user from outside the process: the tRPC client, and plain requests with the same cookie. */
export interface Session {
  api: Api;
  put(path: string, body: Uint8Array<ArrayBuffer>, contentType: string): Promise<void>;
}

/**
 * Signs in over HTTP as a browser would and returns the API as that user. `baseUrl` serves
 * `/api` and `/trpc` (the API itself, or the web server that proxies them); `origin` is the
 * SPA's origin, which the API requires on cookie-carrying mutations.
 */
export async function sessionAs(
  baseUrl: string,
  email: string,
  password: string,
  origin = baseUrl,
): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const headers = { cookie, origin };
  return {
    api: createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${baseUrl}/trpc`, headers })],
    }),
    async put(path, body, contentType) {
      const put = await fetch(`${baseUrl}${path}`, {
        method: "PUT",
        headers: { ...headers, "content-type": contentType },
        body,
      });
      if (!put.ok) throw new Error(`PUT ${path} → ${put.status} ${await put.text()}`);
    },
  };
}
