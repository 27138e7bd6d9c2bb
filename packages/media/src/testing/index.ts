export * from "./clips";
export * from "./rows";
