export * from "./region";
export * from "./scope";
