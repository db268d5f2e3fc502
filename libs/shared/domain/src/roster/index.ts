export * from "./roster-entry";
export * from "./roster-import";
