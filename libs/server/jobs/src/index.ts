export * from "./queues";
export * from "./define-job";
export * from "./document-job";
export * from "./scheduled-job";
export * from "./definitions/index";
export * from "./redis";
export * from "./job-queues";
export * from "./job-worker";
export { UnrecoverableError } from "bullmq";
