// Applies the reader's chosen colour theme before the first paint, so a dark page never
// flashes light. External and classic (not a module, not inline): the CSP allows scripts from
// our own origin only, and a module would run after the first paint. src/lib/theme.ts writes
// the choice; the key and values here must match it (a unit test checks).
try {
  const theme = localStorage.getItem("lumen-theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked: follow the system's scheme.
}
