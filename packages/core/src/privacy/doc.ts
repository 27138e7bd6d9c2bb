import { getTableName } from "drizzle-orm";
import { PRIVACY_REGISTRY } from "./registry";
import type { EraseRule, ExportRule } from "./types";

function exportCell(rule: ExportRule): string {
  return "exempt" in rule ? `exempt: ${rule.exempt}` : `\`${rule.area}.json\``;
}

function eraseCell(rule: EraseRule): string {
  if ("delete" in rule) return `delete: ${rule.delete}`;
  if ("keep" in rule) return `keep: ${rule.keep}`;
  return `anonymise ${rule.anonymise.map((c) => `\`${c}\``).join(", ")}: ${rule.reason}`;
}

/** The registry as the Markdown table in docs/privacy.md (a test keeps the two in step). */
export function registryTable(): string {
  const rows = [...PRIVACY_REGISTRY]
    .map((entry) => ({ name: getTableName(entry.table), entry }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      ({ name, entry }) =>
        `| \`${name}\` | ${exportCell(entry.export)} | ${eraseCell(entry.erase)} |`,
    );
  return ["| Table | Export | Erase |", "| --- | --- | --- |", ...rows].join("\n");
}
