export * from "./pilot-enterprise";
export * from "./roster-import";
export * from "./roster-change-workflow";
export * from "./roster-query";
