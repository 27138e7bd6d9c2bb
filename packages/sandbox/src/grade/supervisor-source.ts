import { readFileSync } from "node:fs";

/** The batch supervisor (supervisor.py beside this file), read once. */
export const SUPERVISOR_SOURCE = readFileSync(new URL("./supervisor.py", import.meta.url), "utf8");
