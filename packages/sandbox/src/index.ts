export {
  type Availability,
  assertSandboxAvailable,
  ENABLE_GRADING,
  sandboxAvailable,
} from "./available";
export { SandboxFailedError, SandboxUnavailableError } from "./errors";
export * from "./grade";
export { RUNSC_MISSING, type SandboxOptions } from "./host";
export { type LanguageName, languageNames, languages } from "./languages";
export {
  type Limits,
  limitsSchema,
  type RunRequest,
  type RunResult,
  type RunStatus,
} from "./request";
export { runInSandbox, SANDBOX_OVERHEAD_MB, START_GRACE_MS } from "./run";
