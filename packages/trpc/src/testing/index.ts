/** Test support other packages use: router callers over core's test world, and the sweep. */
export * from "./harness";
export * from "./sweep";
