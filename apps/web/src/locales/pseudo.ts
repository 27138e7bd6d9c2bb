import type { Messages } from "@lingui/core";

// Every pseudo catalog of the SPA (one per route folder, plus app.po), merged, for tests that
// read a language whole. The app loads them one by one, as pages need them (lib/i18n/catalogs.ts).
const catalogs = import.meta.glob<Messages>("./pseudo/*.po", { eager: true, import: "messages" });
export const messages: Messages = Object.assign({}, ...Object.values(catalogs));
