/**
 * Test support for every package (README, "Testing"): a database per test file and row
 * factories that only insert rows. Services that compose them are `@lumen/core/testing`.
 */
export * from "./assignments";
export * from "./certificates";
export * from "./courses";
export * from "./database";
export * from "./exercises";
export * from "./forum";
export * from "./learning";
export * from "./lessons";
export * from "./progress";
export * from "./rollup-rows";
export * from "./users";
export * from "./video";
