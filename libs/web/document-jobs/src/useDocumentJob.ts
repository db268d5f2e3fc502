import { apiErrorCode, isDocumentJobFinished } from "@dtpilot/domain";
import { useTRPC, type AppTRPCClient } from "@dtpilot/data-access";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useDocumentJobsTranslation } from "./document-jobs-i18n";
import { documentDownloadUrl } from "./download-url";

/** A requested document as `documents.getExport` answers it: status, progress, file name, a failure in the reader's words. */
export type DocumentJobView = Awaited<ReturnType<AppTRPCClient["documents"]["getExport"]["query"]>>;

/** How often a document still being generated is asked about (ms). */
export const DOCUMENT_JOB_POLL_MS = 500;

export interface DocumentJob<Input> {
  /** Asks for the document; the one shown is then the newly requested one. */
  request(input: Input): void;
  /** The request itself is on its way. */
  requesting: boolean;
  /** The document last asked for here, as last polled. */
  job: DocumentJobView | undefined;
  /** Asked for and not finished yet: the request, the wait for a worker, or the generation. */
  working: boolean;
  /** Where the finished file downloads. */
  downloadUrl: string | null;
  /** Why there is no file: the request's refusal, a failed poll or the job's failure, in the reader's language. */
  error: string | null;
}

/**
 * Request → progress → download for one document. `request` calls the procedure that records the export and
 * enqueues its job (any of the documents' request procedures, e.g. `plan.requestPlanDocument`: they answer with the new export); the hook then polls
 * the export until it is finished and refreshes the export lists when it starts and ends. The export followed is
 * state of the component, so re-renders and a `request` function written inline do not lose it.
 */
export function useDocumentJob<Input = void>(request: (input: Input) => Promise<{ id: string }>): DocumentJob<Input> {
  const { t } = useDocumentJobsTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [exportId, setExportId] = useState<string | null>(null);

  // Every page and filter of the export lists: the procedure's key prefix.
  const refreshLists = () => queryClient.invalidateQueries({ queryKey: trpc.documents.listExports.pathKey() });
  const requested = useMutation({
    mutationFn: request,
    onSuccess: (created) => {
      setExportId(created.id);
      void refreshLists();
    },
  });
  const polled = useQuery(
    trpc.documents.getExport.queryOptions(
      { exportId: exportId ?? "" },
      {
        enabled: exportId !== null,
        refetchInterval: (query) => (query.state.data && isDocumentJobFinished(query.state.data.status) ? false : DOCUMENT_JOB_POLL_MS),
      },
    ),
  );

  const job = exportId !== null ? polled.data : undefined;
  const finished = job !== undefined && isDocumentJobFinished(job.status);
  const finishedId = finished ? job.id : null;
  useEffect(() => {
    if (finishedId !== null) void queryClient.invalidateQueries({ queryKey: trpc.documents.listExports.pathKey() });
  }, [finishedId, queryClient, trpc]);

  // The API answers in the reader's language already; anything else (the network, a proxy) gets our own words.
  const say = (error: unknown) => (apiErrorCode(error) !== undefined && error instanceof Error ? error.message : t("unreachable"));
  const error = requested.error
    ? say(requested.error)
    : polled.error && exportId !== null
      ? say(polled.error)
      : job?.status === "FAILED"
        ? (job.error ?? t("failed"))
        : null;

  return {
    request: (input) => requested.mutate(input),
    requesting: requested.isPending,
    job,
    working: requested.isPending || (exportId !== null && !finished && !polled.isError),
    downloadUrl: job?.status === "SUCCEEDED" ? documentDownloadUrl(job.id) : null,
    error,
  };
}
