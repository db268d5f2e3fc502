/** The audit log 审计日志 (county and province apps), bundled by each app that shows it. */
export { AuditLogPage } from "./AuditLogPage";
