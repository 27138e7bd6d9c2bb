import { RateLimitedError } from "@lumen/core/kernel";
import { type Auth, CLIENT_IP_HEADER } from "./auth";
import type { AuthThrottle } from "./auth-throttle";

/**
 * The current-password check of a request, for domain verbs that re-authenticate (account
 * deletion): better-auth verifies the hash for the request's session, and the attempt counts
 * like a sign-in for (address, account), as change-email's does (auth-account-routes.ts), so a
 * stolen session cannot become a way to guess the password. Over the limit: RateLimitedError.
 */
export function passwordCheckFor(
  auth: Auth,
  throttle: AuthThrottle,
  request: Request,
  email: () => Promise<string | null>,
) {
  return async (password: string): Promise<boolean> => {
    const account = await email();
    if (!account) return false;
    const address = request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
    const attempt = await throttle.beginSignIn(address, account);
    if (!attempt.allowed) {
      throw new RateLimitedError(
        `Too many attempts. Try again in ${attempt.retryAfterSeconds} seconds.`,
      );
    }
    const right = await auth.api
      .verifyPassword({ body: { password }, headers: request.headers })
      .then(() => true)
      .catch(() => false);
    await attempt.settle(right ? "success" : "failure");
    return right;
  };
}
