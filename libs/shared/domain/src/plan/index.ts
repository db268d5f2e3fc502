export * from "./plan-data-table";
export * from "./plan-ratios";
export * from "./plan-validation";
export * from "./plan-workflow";
export * from "./rich-text";
export * from "./plan-content";
export * from "./industrial-system-1650";
export * from "./plan-data-table-layout";
