import type { MessagesLike } from "@dtpilot/ui";

/** The labels of a document's progress and download, in the guide's words; apps may pass their own instead. */
export const DOCUMENT_JOBS_NAMESPACE = "documentJobs";

export const documentJobsZhCN = {
  progress: "生成进度",
  download: "下载",
  queued: "排队中…",
  running: "正在生成…",
  failed: "生成失败，请重新发起",
  unreachable: "无法连接服务器，请检查网络后重试",
} as const;

export const documentJobsEn: MessagesLike<typeof documentJobsZhCN> = {
  progress: "Progress",
  download: "Download",
  queued: "Queued…",
  running: "Generating…",
  failed: "The file could not be generated; please ask again",
  unreachable: "The server cannot be reached; check the connection and try again",
};
