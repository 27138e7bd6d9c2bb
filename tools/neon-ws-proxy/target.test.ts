import { describe, expect, it } from "vitest";
import { parseTarget } from "./target";

const allowed = new Set([5432]);

describe("parseTarget", () => {
  it.each([
    ["/v1?address=127.0.0.1:5432", "127.0.0.1"],
    ["/v2?address=localhost:5432", "localhost"],
    ["/v1?address=LOCALHOST:5432", "localhost"],
    ["/v1?address=::1:5432", "::1"],
    ["/v1?address=[::1]:5432", "::1"],
  ])("accepts the loopback target in %s", (url, host) => {
    expect(parseTarget(url, allowed)).toEqual({ ok: true, target: { host, port: 5432 } });
  });

  it.each([
    ["/v1?address=10.0.0.5:5432", "not loopback"],
    ["/v1?address=db.example.com:5432", "not loopback"],
    ["/v1?address=127.0.0.2:5432", "not loopback"],
    ["/v1?address=[::ffff:7f00:1]:5432", "not loopback"],
    ["/v1?address=127.0.0.1:22", "not allowed"],
    ["/v1?address=127.0.0.1:5432x", "not allowed"],
    ["/v1?address=127.0.0.1", "host:port"],
    ["/v1?address=:5432", "host:port"],
    ["/v1", "missing address"],
    ["/admin?address=127.0.0.1:5432", "unknown path"],
  ])("refuses %s", (url, reason) => {
    const result = parseTarget(url, allowed);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(reason);
  });
});
