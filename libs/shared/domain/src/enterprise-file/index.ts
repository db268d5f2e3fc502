export * from "./enterprise-file";
export * from "./kpis";
export * from "./enterprise-file-validation";
export * from "./enterprise-file-completeness";
export * from "./enterprise-file-editability";
export * from "./enterprise-file-merge";
export * from "./item-ownership";
