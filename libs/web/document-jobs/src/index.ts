/**
 * Request → progress → download for the documents the worker generates (名单, 实施方案, 改造信息表, and the ones to
 * come): one hook and one progress/download component. Bundled by the apps that use it; its @dtpilot/ui imports
 * reach the page's shared copy, with its tRPC client and i18n.
 */
export { useDocumentJob, DOCUMENT_JOB_POLL_MS, type DocumentJob, type DocumentJobView } from "./useDocumentJob";
export { DocumentJobStatus, type DocumentJobStatusProps } from "./DocumentJobStatus";
export { documentDownloadUrl } from "./download-url";
export { DOCUMENT_JOBS_NAMESPACE, documentJobsZhCN, documentJobsEn } from "./messages";
