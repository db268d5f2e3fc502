export * from "./region";
export * from "./scope";
export * from "./geography";
export * from "./credit-code";
export * from "./batch";
