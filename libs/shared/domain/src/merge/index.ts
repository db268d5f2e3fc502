export * from "./three-way-merge";
