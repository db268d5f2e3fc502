export * from "./region";
export * from "./scope";
export * from "./geography";
export * from "./credit-code";
export * from "./batch";
export * from "./plan/index";
export * from "./roster/index";
export * from "./enterprise-file/index";
