/**
 * The one test entry (README, "Testing"): the row factories of `@lumen/db/testing`, and the
 * world that composes the domain's services over a test file's own database.
 */
export * from "@lumen/db/testing";
export * from "./assignments";
export * from "./every-feature";
export * from "./exercises";
export * from "./forum";
export * from "./golden";
export * from "./images";
export * from "./issuer";
export * from "./media";
export * from "./questions";
export * from "./ratings";
export * from "./retirement";
export * from "./world";
