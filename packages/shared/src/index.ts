export * from "./catalog";
export * from "./http-cache";
export * from "./slug";
export * from "./taxonomy";
export * from "./text";
