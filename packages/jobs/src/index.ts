export * from "./define";
export { createJobQueue, enqueue } from "./queue";
export { jobHandlers } from "./registry";
export { type JobRunner, type RunnerLogger, startJobRunner } from "./runner";
