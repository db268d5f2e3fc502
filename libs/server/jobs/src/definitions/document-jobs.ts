import type { DocumentKind } from "@dtpilot/domain";
import { defineDocumentJob, type DocumentJobDefinition } from "../document-job";

/** 试点企业名单 as XLSX for one county, filtered as the county asked. */
export const rosterExportJob = defineDocumentJob({ name: "roster-export", kinds: ["ROSTER_XLSX"] });

/** A county's implementation plan: 实施方案主要数据表 (XLSX) or the whole plan (DOCX); the record says which version. */
export const planDocumentJob = defineDocumentJob({ name: "plan-document", kinds: ["PLAN_DATA_TABLE_XLSX", "PLAN_DOCX"] });

/** One pilot enterprise's file 改造信息表 (附2) as a DOCX; the record names the enterprise, never the payload. */
export const enterpriseFileDocumentJob = defineDocumentJob({ name: "enterprise-file-document", kinds: ["ENTERPRISE_FILE_DOCX"] });

/** Every document job. */
export const DOCUMENT_JOBS = [rosterExportJob, planDocumentJob, enterpriseFileDocumentJob] as const;

/** The job that generates a document of `kind`. */
export function documentJobOf(kind: DocumentKind): DocumentJobDefinition {
  const job = DOCUMENT_JOBS.find((definition) => definition.kinds.includes(kind));
  if (!job) throw new Error(`no document job generates ${kind}`);
  return job;
}
