/**
 * `@lumen/shared/constants`: the plain values shared with the SPA, without the zod schemas
 * the package index also exports. A module the SPA loads up front imports from here, so zod
 * (about 24 KiB gzipped) stays in the chunks that validate forms.
 */
export * from "./catalog-constants";
export * from "./playback";
export * from "./taxonomy";
