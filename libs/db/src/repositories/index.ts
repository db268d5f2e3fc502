export * from "./batch-repository";
export * from "./county-repository";
export * from "./enterprise-repository";
export * from "./identity-repository";
export * from "./provider-repository";
export * from "./export-file-repository";
export * from "./plan-repository";
export * from "./roster-repository";
