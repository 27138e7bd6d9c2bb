import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "../src/env";
import { edge } from "./origin-mock";

afterEach(() => {
  vi.restoreAllMocks();
});

const OLD = "o".repeat(40);
const NEW = "n".repeat(40);

/** Bindings of a Worker deployed before the rename: the secret only under PURGE_SECRET. */
const oldOnly = () => ({ ...env, EDGE_INTERNAL_SECRET: undefined, PURGE_SECRET: OLD });

const purge = (bindings: Record<string, unknown>, secret: string) =>
  edge(
    "/internal/catalog/purge",
    { method: "POST", headers: { authorization: `Bearer ${secret}` }, body: "{}" },
    bindings,
  );

/** The JSON lines written with console.warn / console.error while `spy` was on. */
const lines = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);

describe("PURGE_SECRET, EDGE_INTERNAL_SECRET's name until this release", () => {
  it("alone still authenticates the internal routes, with one deprecation warning per isolate", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const bindings = oldOnly();

    const first = await purge(bindings, OLD);
    const second = await purge(bindings, OLD);
    const refused = await purge(bindings, NEW);

    expect([first.status, second.status, refused.status]).toEqual([200, 200, 401]);
    expect(lines(warn)).toEqual([
      {
        level: "warn",
        msg: "PURGE_SECRET is deprecated: it is now EDGE_INTERNAL_SECRET; set that and delete PURGE_SECRET",
        deprecated: "PURGE_SECRET",
        current: "EDGE_INTERNAL_SECRET",
      },
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(OLD);
  });

  it("set to the same value as EDGE_INTERNAL_SECRET works, and still warns", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    const parsed = parseEnv({ ...env, EDGE_INTERNAL_SECRET: NEW, PURGE_SECRET: NEW });

    expect(parsed.EDGE_INTERNAL_SECRET).toBe(NEW);
    expect(lines(warn)).toMatchObject([{ level: "warn", deprecated: "PURGE_SECRET" }]);
  });

  it("set to another value than EDGE_INTERNAL_SECRET: the Worker refuses to run, naming both", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const both = { ...env, EDGE_INTERNAL_SECRET: NEW, PURGE_SECRET: OLD };

    expect(() => parseEnv(both)).toThrow(
      /EDGE_INTERNAL_SECRET: PURGE_SECRET \(its deprecated name\) is also set, to a different value; delete PURGE_SECRET/,
    );
    const res = await purge(both, NEW);

    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: "internal_error", message: "Internal server error" },
    });
    const logged = JSON.stringify(lines(error));
    expect(logged).toContain("PURGE_SECRET");
    expect(logged).not.toContain(OLD);
    expect(logged).not.toContain(NEW);
  });

  it("is not needed: the new name alone parses without a warning", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    expect(parseEnv({ ...env, EDGE_INTERNAL_SECRET: NEW }).EDGE_INTERNAL_SECRET).toBe(NEW);
    expect(warn).not.toHaveBeenCalled();
  });
});
