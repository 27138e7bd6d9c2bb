/**
 * Test support: certificate facts and a certificate issued before issue 9. The poppler readers
 * (Node only; the edge tests run in workerd) are their own entry, `./testing/poppler`.
 */
export * from "./facts";
export * from "./legacy-certificate";
