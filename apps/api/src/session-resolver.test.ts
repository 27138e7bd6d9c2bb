import type { SessionUser } from "@lumen/core/kernel";
import { describe, expect, it } from "vitest";
import { createSessionResolver } from "./auth";

const ada: SessionUser = { id: "u1", name: "Ada", email: "ada@test.lumen.dev", role: "learner" };

function counting(answer: SessionUser | null) {
  const calls: string[] = [];
  const resolve = async (headers: Headers) => {
    calls.push(headers.get("cookie") ?? "");
    return answer;
  };
  return { calls, resolve };
}

const withCookie = (cookie?: string) => new Headers(cookie ? { cookie } : {});

describe("the memoized session resolver", () => {
  it("resolves a cookie once within the TTL and again after it", async () => {
    let clock = 1_000;
    const { calls, resolve } = counting(ada);
    const memo = createSessionResolver(resolve, { ttlMs: 15_000, now: () => clock });
    expect(await memo(withCookie("s=1"))).toEqual(ada);
    expect(await memo(withCookie("s=1"))).toEqual(ada);
    expect(calls).toHaveLength(1);
    clock += 15_001;
    expect(await memo(withCookie("s=1"))).toEqual(ada);
    expect(calls).toHaveLength(2);
  });

  it("keeps different cookies apart and never memoizes anonymous answers", async () => {
    const { calls, resolve } = counting(null);
    const memo = createSessionResolver(resolve);
    expect(await memo(withCookie("s=1"))).toBeNull();
    expect(await memo(withCookie("s=1"))).toBeNull();
    expect(await memo(withCookie())).toBeNull();
    expect(calls).toEqual(["s=1", "s=1", ""]);
  });

  it("drops the oldest entry beyond its size bound", async () => {
    const { calls, resolve } = counting(ada);
    const memo = createSessionResolver(resolve, { maxEntries: 2 });
    for (const cookie of ["a=1", "b=1", "c=1", "a=1"]) await memo(withCookie(cookie));
    expect(calls).toEqual(["a=1", "b=1", "c=1", "a=1"]);
  });
});
