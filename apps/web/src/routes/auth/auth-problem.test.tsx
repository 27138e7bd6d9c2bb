import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuthError } from "../../lib/auth";
import { nameProblem } from "../../lib/auth-validation";
import { withI18n } from "../../lib/i18n/testing";
import { AuthProblemNotice } from "./AuthProblemNotice";
import { authProblem, secondsLeft, waitText } from "./auth-problem";
import { RetryCountdown } from "./RetryCountdown";

const tooMany = new AuthError(
  "Too many attempts. Try again in 40 s.",
  "TOO_MANY_ATTEMPTS",
  429,
  40,
);

describe("a sign-in that must wait", () => {
  it("becomes a wait of Retry-After seconds for that account", () => {
    expect(authProblem(tooMany, "leo@x.dev", "fallback", 1_000)).toEqual({
      kind: "wait",
      email: "leo@x.dev",
      until: 41_000,
    });
  });

  it("shows the wait in the form: the account and 'Try again in 40 s'", () => {
    const html = renderToStaticMarkup(
      withI18n(
        <AuthProblemNotice
          problem={{ kind: "wait", email: "leo@x.dev", until: Date.now() + 40_000 }}
          next="/"
        />,
      ),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("Too many attempts for leo@x.dev. Please wait.");
    expect(html).toMatch(
      /<p role="timer" aria-live="off" class="formWait">Try again in 40 s\.<\/p>/,
    );
  });

  it("counts down each second to 'You can try again now'", () => {
    const until = 40_000;
    const shown = [0, 1_000, 20_500, 39_001, 40_000, 45_000].map((now) =>
      waitText(secondsLeft(until, now)),
    );
    expect(shown).toEqual([
      "Try again in 40 s.",
      "Try again in 39 s.",
      "Try again in 20 s.",
      "Try again in 1 s.",
      "You can try again now.",
      "You can try again now.",
    ]);
    expect(renderToStaticMarkup(withI18n(<RetryCountdown until={Date.now() - 1} />))).toBe(
      '<p role="status" class="formWait">You can try again now.</p>',
    );
  });
});

describe("other sign-in and sign-up problems", () => {
  it("an unconfirmed email says so and offers to send the link again", () => {
    const unverified = new AuthError("Email not verified", "EMAIL_NOT_VERIFIED", 403);
    const problem = authProblem(unverified, "una@x.dev", "fallback", 0);
    expect(problem).toEqual({ kind: "unverified", email: "una@x.dev" });
    const html = renderToStaticMarkup(
      withI18n(
        <QueryClientProvider client={new QueryClient()}>
          <AuthProblemNotice problem={problem} next="/" />
        </QueryClientProvider>,
      ),
    );
    expect(html).toContain("Confirm your email address first: open the link we sent to una@x.dev.");
    expect(html).toContain(">Send the link again</button>");
  });

  it("puts a common password and a refused name on their fields", () => {
    const common = new AuthError("x", "PASSWORD_TOO_COMMON", 400);
    expect(authProblem(common, "a@x.dev", "f", 0)).toMatchObject({
      kind: "field",
      field: "password",
    });
    const name = new AuthError("Names cannot contain control characters.", "INVALID_NAME", 400);
    expect(authProblem(name, "a@x.dev", "f", 0)).toEqual({
      kind: "field",
      field: "name",
      message: "Names cannot contain control characters.",
    });
  });

  it("checks names as the server does: 1–100 characters, no control characters", () => {
    expect(nameProblem("  ")).toBe("Enter your name.");
    expect(nameProblem("x".repeat(101))).toBe("Use at most 100 characters.");
    expect(nameProblem("é".repeat(100))).toBeNull();
    expect(nameProblem("Ada\u0007")).toBe(
      "Name contains an invisible control character (U+0007). Remove it.",
    );
  });
});
