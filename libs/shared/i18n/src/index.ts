export * from "./messages";
export * from "./input-issues";
export { zhCN } from "./locales/zh-CN";
export { en } from "./locales/en";
export * from "./workflow-labels";
