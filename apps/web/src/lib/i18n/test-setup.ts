import { i18n } from "@lingui/core";

// Every unit test starts in English, as the app does before a catalog loads: helpers that build
// text with Lingui's `t` (dates, durations, relative times) need an active locale. Outside
// production builds the macros keep the English source, so no catalog is needed.
i18n.loadAndActivate({ locale: "en", messages: {} });
