export {
  CAPABILITY_STALE_MS,
  type CapabilityHeartbeat,
  type CapabilityReport,
  capabilityUnavailableReason,
  GRADING,
  startCapabilityHeartbeat,
  VIDEO_PROCESSING,
} from "./capabilities";
export * from "./define";
export * from "./definitions";
export { type Outbox, type OutboxHandle, openOutbox } from "./outbox";
export { createJobQueue, type EnqueueOptions, enqueue } from "./queue";
export { type JobRunner, type RunnerLogger, startJobRunner } from "./runner";
