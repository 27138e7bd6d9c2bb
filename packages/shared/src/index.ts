export * from "./catalog";
export * from "./taxonomy";
