export * from "./attachment";
export * from "./key-ring";
export * from "./layout";
export * from "./signer";
export * from "./token";
export * from "./upload";
