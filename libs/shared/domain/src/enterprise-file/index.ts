export * from "./enterprise-file";
export * from "./kpis";
export * from "./enterprise-file-rules";
export * from "./item-ownership";
