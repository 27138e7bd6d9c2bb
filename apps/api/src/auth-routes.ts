import { Hono } from "hono";
import { z } from "zod";
import { type Auth, CLIENT_IP_HEADER } from "./auth";
import type { AuthThrottle, SignInOutcome } from "./auth-throttle";

/**
 * better-auth behind our own HTTP rules: sign-in and sign-up limits (auth-throttle.ts),
 * `Retry-After` on every 429, one answer for every sign-up, and no session token in any
 * JSON body (the session lives in httpOnly cookies; page JavaScript never needs it).
 */
export function authRoutes({ auth, throttle }: { auth: Auth; throttle: AuthThrottle }) {
  const app = new Hono();

  app.post("/api/auth/sign-in/email", async (c) => {
    const address = c.req.header(CLIENT_IP_HEADER) ?? "unknown";
    const account = await readEmail(c.req.raw);
    const attempt = await throttle.beginSignIn(address, account);
    if (!attempt.allowed) return tooManyAttempts(attempt.retryAfterSeconds);
    const { response, body } = await forward(auth, c.req.raw);
    await attempt.settle(signInOutcome(response.status, body));
    return rewrite(response, body);
  });

  app.post("/api/auth/sign-up/email", async (c) => {
    const address = c.req.header(CLIENT_IP_HEADER) ?? "unknown";
    const attempt = await throttle.beginSignUp(address);
    if (!attempt.allowed) return tooManyAttempts(attempt.retryAfterSeconds);
    const { response, body } = await forward(auth, c.req.raw);
    // New address or not, the same answer: the inbox tells the rest.
    return rewrite(response, response.status === 200 ? { status: "check-your-inbox" } : body);
  });

  app.on(["GET", "POST"], "/api/auth/*", async (c) => {
    const { response, body } = await forward(auth, c.req.raw);
    return rewrite(response, body);
  });

  return app;
}

const emailField = z.object({ email: z.string().trim().toLowerCase() });

/** The account a sign-in is for, from a JSON or form body; "" when there is none. */
async function readEmail(request: Request): Promise<string> {
  const copy = request.clone();
  const type = request.headers.get("content-type") ?? "";
  const raw = type.includes("application/x-www-form-urlencoded")
    ? Object.fromEntries(new URLSearchParams(await copy.text()))
    : await copy.json().catch(() => null);
  const parsed = emailField.safeParse(raw);
  return parsed.success ? parsed.data.email.slice(0, 320) : "";
}

/** better-auth's answer, with its JSON body read (null when it has none). */
async function forward(auth: Auth, request: Request) {
  const response = await auth.handler(request);
  const isJson = response.headers.get("content-type")?.includes("application/json");
  const body: unknown = isJson ? await response.json().catch(() => null) : undefined;
  return { response, body };
}

const errorCode = z.object({ code: z.string() }).catch({ code: "" });

function signInOutcome(status: number, body: unknown): SignInOutcome {
  if (status === 200) return "success";
  // Unverified accounts are told so only after the right password: not a failed guess.
  if (status === 403 && errorCode.parse(body).code === "EMAIL_NOT_VERIFIED") return "success";
  return status === 401 ? "failure" : "not-a-guess";
}

/** Rebuilds the response without session tokens, keeping status, cookies and headers. */
function rewrite(response: Response, body: unknown): Response {
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

function tooManyAttempts(seconds: number): Response {
  const message = `Too many attempts. Try again in ${seconds} s.`;
  return Response.json(
    { code: "TOO_MANY_ATTEMPTS", message, retryAfter: seconds },
    { status: 429, headers: { "retry-after": String(seconds), "cache-control": "no-store" } },
  );
}
