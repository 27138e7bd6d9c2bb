export * from "./auth";
export * from "./catalog";
export * from "./enrollment";
export * from "./learning";
export * from "./media";
export * from "./runners";
export * from "./search";
export * from "./video";
