/** The fixture catalog every search backend is tested against. */
export * from "./catalog";
