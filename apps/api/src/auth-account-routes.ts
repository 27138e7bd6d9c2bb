import { Hono } from "hono";
import { z } from "zod";
import { type Auth, CLIENT_IP_HEADER } from "./auth";
import { errorCode, forward, readEmail, rewrite, tooManyAttempts } from "./auth-forward";
import type { AuthThrottle, SignInOutcome } from "./auth-throttle";

/**
 * Password reset and the account changes that re-check the current password, in front of
 * better-auth's own endpoints. A wrong current password counts like a failed sign-in (a stolen
 * session must not become a way to guess the password), reset requests are counted per address
 * and per account, and the answers never depend on whether an address has an account.
 */
export function accountAuthRoutes({ auth, throttle }: { auth: Auth; throttle: AuthThrottle }) {
  const app = new Hono();
  const addressOf = (request: Request) => request.headers.get(CLIENT_IP_HEADER) ?? "unknown";

  app.post("/api/auth/request-password-reset", async (c) => {
    const attempt = await throttle.beginResetRequest(
      addressOf(c.req.raw),
      await readEmail(c.req.raw),
    );
    if (!attempt.allowed) return tooManyAttempts(attempt.retryAfterSeconds);
    const { response, body } = await forward(auth, c.req.raw);
    // better-auth answers alike already; this keeps it so whatever its message says.
    return rewrite(response, response.status === 200 ? { status: "check-your-inbox" } : body);
  });

  app.post("/api/auth/reset-password", async (c) => {
    const attempt = await throttle.beginResetUse(addressOf(c.req.raw));
    if (!attempt.allowed) return tooManyAttempts(attempt.retryAfterSeconds);
    const { response, body } = await forward(auth, c.req.raw);
    return rewrite(response, body);
  });

  app.post("/api/auth/change-password", async (c) => {
    const account = await signedInEmail(auth, c.req.raw.headers);
    if (!account) return notSignedIn();
    const attempt = await throttle.beginSignIn(addressOf(c.req.raw), account);
    if (!attempt.allowed) return tooManyAttempts(attempt.retryAfterSeconds);
    const { response, body } = await forward(auth, c.req.raw);
    await attempt.settle(passwordOutcome(response.status, body));
    return rewrite(response, body);
  });

  // better-auth's change-email trusts the session alone; we ask for the password first.
  app.post("/api/auth/change-email", async (c) => {
    const account = await signedInEmail(auth, c.req.raw.headers);
    if (!account) return notSignedIn();
    const attempt = await throttle.beginSignIn(addressOf(c.req.raw), account);
    if (!attempt.allowed) return tooManyAttempts(attempt.retryAfterSeconds);
    const input = currentPasswordField.safeParse(
      await c.req.raw
        .clone()
        .json()
        .catch(() => null),
    );
    if (!input.success) {
      await attempt.settle("not-a-guess");
      return problem("CURRENT_PASSWORD_REQUIRED", "Enter your current password.");
    }
    const right = await auth.api
      .verifyPassword({
        body: { password: input.data.currentPassword },
        headers: c.req.raw.headers,
      })
      .then(() => true)
      .catch(() => false);
    await attempt.settle(right ? "success" : "failure");
    if (!right) return problem("INVALID_PASSWORD", "That is not your current password.");
    const { response, body } = await forward(auth, c.req.raw);
    return rewrite(response, body);
  });

  return app;
}

const currentPasswordField = z.object({ currentPassword: z.string().min(1).max(128) });

/** The signed-in user's address, read from the database (not the cookie cache), or null. */
async function signedInEmail(auth: Auth, headers: Headers): Promise<string | null> {
  const session = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  return session?.user.email ?? null;
}

function passwordOutcome(status: number, body: unknown): SignInOutcome {
  if (status === 200) return "success";
  return errorCode.parse(body).code === "INVALID_PASSWORD" ? "failure" : "not-a-guess";
}

function problem(code: string, message: string): Response {
  return Response.json(
    { code, message },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}

function notSignedIn(): Response {
  return Response.json(
    { code: "UNAUTHORIZED", message: "Sign in first." },
    { status: 401, headers: { "cache-control": "no-store" } },
  );
}
