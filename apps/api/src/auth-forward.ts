import { z } from "zod";
import type { Auth } from "./auth";

/** The pieces every auth route shares: reading the body, forwarding, rewriting the answer. */

const emailField = z.object({ email: z.string().trim().toLowerCase() });

/** The account a sign-in is for, from a JSON or form body; "" when there is none. */
export async function readEmail(request: Request): Promise<string> {
  const copy = request.clone();
  const type = request.headers.get("content-type") ?? "";
  const raw = type.includes("application/x-www-form-urlencoded")
    ? Object.fromEntries(new URLSearchParams(await copy.text()))
    : await copy.json().catch(() => null);
  const parsed = emailField.safeParse(raw);
  return parsed.success ? parsed.data.email.slice(0, 320) : "";
}

/** better-auth's answer, with its JSON body read (null when it has none). */
export async function forward(auth: Auth, request: Request) {
  const response = await auth.handler(request);
  const isJson = response.headers.get("content-type")?.includes("application/json");
  const body: unknown = isJson ? await response.json().catch(() => null) : undefined;
  return { response, body };
}

export const errorCode = z.object({ code: z.string() }).catch({ code: "" });

/** Rebuilds the response without session tokens, keeping status, cookies and headers. */
export function rewrite(response: Response, body: unknown): Response {
  const headers = new Headers(response.headers);
  const retry = headers.get("x-retry-after");
  if (response.status === 429 && retry) headers.set("retry-after", retry);
  if (body === undefined) return new Response(response.body, { status: response.status, headers });
  headers.delete("content-length");
  return new Response(JSON.stringify(withoutTokens(body)), { status: response.status, headers });
}

/** Drops `token` from a body, its `session`, and every entry of a session list. */
export function withoutTokens(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutTokens);
  if (typeof body !== "object" || body === null) return body;
  return Object.fromEntries(
    Object.entries(body)
      .filter(([key]) => key !== "token")
      .map(([key, value]) => [key, key === "session" ? withoutTokens(value) : value]),
  );
}

export function tooManyAttempts(seconds: number): Response {
  const message = `Too many attempts. Try again in ${seconds} s.`;
  return Response.json(
    { code: "TOO_MANY_ATTEMPTS", message, retryAfter: seconds },
    { status: 429, headers: { "retry-after": String(seconds), "cache-control": "no-store" } },
  );
}
