import { i18n, type Messages } from "@lingui/core";

// Timing tests render as production does: English from its compiled catalog. With the unit
// tests' empty catalog every message is an uncompiled string, and Lingui warns once per use
// (36k warnings for the 100k-character body of links, written while the time ran).
const [load] = Object.values(
  import.meta.glob<Messages>("../../locales/en/app.po", { import: "messages" }),
);
if (!load) throw new Error("no English app catalog at src/locales/en/app.po");
i18n.loadAndActivate({ locale: "en", messages: await load() });
