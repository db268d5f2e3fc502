import { useTRPCClient } from "@dtpilot/ui";

/**
 * The export procedures as agreed with the background-jobs work (roster.requestRosterExport, documents.listExports /
 * getExport; the file itself at GET /files/exports/<id>). Typed here by hand until they are part of the API's
 * router type; the tRPC client proxy calls any path, so only the types are local.
 */
export type ExportStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";

export interface ExportFileView {
  id: string;
  kind: "ROSTER_XLSX";
  status: ExportStatus;
  /** 0–100 */
  progress: number;
  requestedBy: { displayName: string };
  createdAt: Date;
  finishedAt: Date | null;
  sizeBytes: number | null;
  /** Why it failed, already in the reader's language. */
  error: string | null;
  parameters: unknown;
  fileName: string;
}

/** The contract says `{ exportId }`; the API as built answers with the new export itself (`id`). Both are read. */
export type RequestedExport = { exportId: string } | ExportFileView;

export function requestedExportId(answer: RequestedExport): string {
  return "exportId" in answer ? answer.exportId : answer.id;
}

interface ExportProcedures {
  requestRosterExport: { mutate: () => Promise<RequestedExport> };
  listExports: { query: () => Promise<ExportFileView[]> };
  getExport: { query: (input: { exportId: string }) => Promise<ExportFileView> };
}

export function useExportApi(): ExportProcedures {
  const client = useTRPCClient() as unknown as {
    roster: Pick<ExportProcedures, "requestRosterExport">;
    documents: Pick<ExportProcedures, "listExports" | "getExport">;
  };
  return {
    requestRosterExport: client.roster.requestRosterExport,
    listExports: client.documents.listExports,
    getExport: client.documents.getExport,
  };
}

export const exportKeys = {
  all: ["export"] as const,
  list: () => ["export", "listExports"] as const,
  one: (exportId: string) => ["export", "getExport", exportId] as const,
};

export function isFinished(status: ExportStatus): boolean {
  return status === "SUCCEEDED" || status === "FAILED";
}

export function downloadUrl(exportId: string): string {
  return `/files/exports/${encodeURIComponent(exportId)}`;
}
