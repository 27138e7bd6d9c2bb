export * from "./catalog";
export * from "./html";
export * from "./http-cache";
export * from "./locales";
export * from "./playback";
export * from "./slug";
export * from "./taxonomy";
export * from "./text";
