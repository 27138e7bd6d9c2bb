import { readFile } from "node:fs/promises";
import { schema } from "@lumen/db";
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { registryTable } from "./doc";
import { PRIVACY_REGISTRY } from "./registry";

const schemaTables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();
const registered = PRIVACY_REGISTRY.map((entry) => getTableName(entry.table));

describe("the privacy registry", () => {
  it("has an entry for every table in the schema", () => {
    const missing = schemaTables.filter((name) => !registered.includes(name));
    expect(missing, "add these tables to packages/core/src/privacy/registry").toEqual([]);
  });

  it("names no table that is not in the schema", () => {
    expect(registered.filter((name) => !schemaTables.includes(name))).toEqual([]);
  });

  it("has one entry per table", () => {
    expect(registered.length).toBe(new Set(registered).size);
  });

  it("gives every exemption and every kept or anonymised table a reason", () => {
    for (const entry of PRIVACY_REGISTRY) {
      if ("exempt" in entry.export) expect(entry.export.exempt.length).toBeGreaterThan(10);
      const erase = entry.erase;
      const reason = "delete" in erase ? erase.delete : "keep" in erase ? erase.keep : erase.reason;
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});

describe("docs/privacy.md", () => {
  it("shows the registry's current table (regenerate with `pnpm --filter @lumen/core privacy:doc`)", async () => {
    const doc = await readFile(new URL("../../../../docs/privacy.md", import.meta.url), "utf8");
    expect(doc).toContain(registryTable());
  });
});
