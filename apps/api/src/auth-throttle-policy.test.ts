import { describe, expect, it } from "vitest";
import {
  backoffMs,
  type Counter,
  decideSignIn,
  decideWindow,
  retryAfterSeconds,
  SIGN_IN_POLICY,
} from "./auth-throttle-policy";

/** Runs `attempts` sign-in decisions that all fail, `gapMs` apart; returns what each said. */
function failRepeatedly(attempts: number, gapMs: number) {
  let pair: Counter | undefined;
  let address: Counter | undefined;
  let now = 0;
  const answers: Array<number | "allowed"> = [];
  for (let i = 0; i < attempts; i++) {
    const decision = decideSignIn(pair, address, now);
    if (decision.allowed) {
      ({ pair, address } = decision);
      answers.push("allowed");
    } else {
      answers.push(retryAfterSeconds(decision.retryAfterMs));
    }
    now += gapMs;
  }
  return answers;
}

describe("the sign-in policy", () => {
  it("lets five failures through, then makes each further one wait twice as long", () => {
    expect([4, 5, 6, 7, 8].map((n) => backoffMs(n) / 1000)).toEqual([0, 10, 20, 40, 80]);
    expect(backoffMs(40)).toBe(SIGN_IN_POLICY.maxDelayMs);
  });

  it("refuses a pair until its wait is over", () => {
    expect(failRepeatedly(7, 1_000)).toEqual([
      "allowed",
      "allowed",
      "allowed",
      "allowed",
      "allowed",
      9,
      8,
    ]);
  });

  it("forgets a pair's failures an hour after the last one", () => {
    const tired: Counter = { count: 9, windowStartedAt: 0, lastAt: 0 };
    expect(decideSignIn(tired, undefined, SIGN_IN_POLICY.forgetAfterMs).allowed).toBe(true);
  });

  it("caps an address's failures per window, across accounts", () => {
    const busy: Counter = { count: 100, windowStartedAt: 0, lastAt: 1_000 };
    expect(decideSignIn(undefined, busy, 60_000)).toEqual({
      allowed: false,
      retryAfterMs: 15 * 60_000 - 60_000,
    });
    expect(decideSignIn(undefined, busy, 15 * 60_000).allowed).toBe(true);
  });
});

describe("fixed windows", () => {
  it("allow `max` attempts per window and say when the window ends", () => {
    const rule = { max: 2, windowMs: 60_000 };
    const first = decideWindow(undefined, 0, rule);
    if (!first.allowed) throw new Error("first attempt refused");
    const second = decideWindow(first.next, 10_000, rule);
    if (!second.allowed) throw new Error("second attempt refused");
    expect(decideWindow(second.next, 20_000, rule)).toEqual({
      allowed: false,
      retryAfterMs: 40_000,
    });
    expect(decideWindow(second.next, 60_000, rule).allowed).toBe(true);
  });
});
