import { Hono } from "hono";
import { type Auth, CLIENT_IP_HEADER } from "./auth";
import { accountAuthRoutes } from "./auth-account-routes";
import { errorCode, forward, readEmail, rewrite, tooManyAttempts } from "./auth-forward";
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

  // Password reset and account changes (current password checks), before the catch-all.
  app.route("/", accountAuthRoutes({ auth, throttle }));

  app.on(["GET", "POST"], "/api/auth/*", async (c) => {
    const { response, body } = await forward(auth, c.req.raw);
    return rewrite(response, body);
  });

  return app;
}

function signInOutcome(status: number, body: unknown): SignInOutcome {
  if (status === 200) return "success";
  // Unverified accounts are told so only after the right password: not a failed guess.
  if (status === 403 && errorCode.parse(body).code === "EMAIL_NOT_VERIFIED") return "success";
  return status === 401 ? "failure" : "not-a-guess";
}

export { withoutTokens } from "./auth-forward";
