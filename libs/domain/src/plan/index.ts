export * from "./plan-data-table";
export * from "./plan-ratios";
export * from "./plan-validation";
export * from "./plan-workflow";
