export * from "./auth";
export * from "./catalog";
export * from "./certificate-status";
export * from "./enrollment";
export * from "./learning";
export * from "./media";
export * from "./search";
export * from "./video";
