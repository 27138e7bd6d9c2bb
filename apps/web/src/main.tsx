// Tokens and the base sheet first: every component module after them may build on them.
import "./styles/tokens.css";
import "./styles/base.css";
import { I18nProvider } from "@lingui/react";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { activateLocale, i18n, initialLocale } from "./lib/i18n";
import { queryClient } from "./lib/trpc";
import { router } from "./router";

const root = document.getElementById("root");
if (!root) throw new Error("index.html is missing #root");

// The language's catalog first (one small chunk): every string on the first paint is in it.
await activateLocale(initialLocale());

createRoot(root).render(
  <StrictMode>
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
