export * from "./roster-entry";
export * from "./roster-import";
export * from "./roster-change-workflow";
