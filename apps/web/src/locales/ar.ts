import type { Messages } from "@lingui/core";

// Every ar catalog of the SPA (one per route folder, plus app.po), merged: one lazy chunk.
const catalogs = import.meta.glob<Messages>("./ar/*.po", { eager: true, import: "messages" });
export const messages: Messages = Object.assign({}, ...Object.values(catalogs));
