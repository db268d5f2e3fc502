export * from "./audit-record";
