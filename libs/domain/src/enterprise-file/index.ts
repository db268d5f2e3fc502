export * from "./enterprise-file";
export * from "./kpis";
export * from "./enterprise-file-rules";
