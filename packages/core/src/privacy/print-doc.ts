import { registryTable } from "./doc";

// `pnpm --filter @lumen/core privacy:doc`: prints the table to paste into docs/privacy.md.
console.log(registryTable());
