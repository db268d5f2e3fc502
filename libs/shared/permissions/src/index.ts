export * from "./ability";
export { subject } from "@casl/ability";
