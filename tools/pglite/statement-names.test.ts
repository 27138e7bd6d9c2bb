import { protocol } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { scopeStatementName, scopeSuffix } from "./statement-names";

const { serialize } = protocol;

describe("scopeStatementName", () => {
  it("scopes a named Parse, Bind, Describe and Close to the client, keeping the rest", () => {
    const suffix = scopeSuffix(7);
    const parse = scopeStatementName(
      "P",
      serialize.parse({ name: "lumen_q", text: "select $1::int", types: [23] }),
      7,
    );
    expect(parse.prepared).toBe(`lumen_q${suffix}`);
    const text = Buffer.from(parse.bytes).toString("latin1");
    expect(text).toContain(`lumen_q${suffix}\u0000select $1::int\u0000`);
    // The length field matches the rewritten body.
    expect(Buffer.from(parse.bytes).readInt32BE(1)).toBe(parse.bytes.length - 1);

    const bind = scopeStatementName(
      "B",
      serialize.bind({ portal: "", statement: "lumen_q", values: ["1"] }),
      7,
    );
    expect(Buffer.from(bind.bytes).toString("latin1")).toContain(`\u0000lumen_q${suffix}\u0000`);
    expect(Buffer.from(bind.bytes).readInt32BE(1)).toBe(bind.bytes.length - 1);

    const describe = scopeStatementName("D", serialize.describe({ type: "S", name: "lumen_q" }), 7);
    expect(Buffer.from(describe.bytes).toString("latin1")).toContain(`Slumen_q${suffix}\u0000`);
    const close = scopeStatementName("C", serialize.close({ type: "S", name: "lumen_q" }), 7);
    expect(Buffer.from(close.bytes).toString("latin1")).toContain(`Slumen_q${suffix}\u0000`);
  });

  it("leaves the unnamed statement, portals and other messages as they were", () => {
    const unnamed = serialize.parse({ text: "select 1" });
    expect(scopeStatementName("P", unnamed, 3).bytes).toBe(unnamed);
    const portal = serialize.describe({ type: "P", name: "" });
    expect(scopeStatementName("D", portal, 3).bytes).toBe(portal);
    const bind = serialize.bind({ values: [] });
    expect(scopeStatementName("B", bind, 3).bytes).toBe(bind);
    const query = serialize.query("select 1");
    expect(scopeStatementName("Q", query, 3).bytes).toBe(query);
  });
});
