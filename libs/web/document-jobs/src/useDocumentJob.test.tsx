import { AppProviders } from "@dtpilot/app-root";
import { useTRPCClient } from "@dtpilot/data-access";
import { i18n } from "@dtpilot/ui";
import { stubTRPCClient, type StubHandlers } from "@dtpilot/data-access/testing";
import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useDocumentJob, type DocumentJobView } from "./index";

const EXPORT_ID = "6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d";

beforeAll(async () => {
  await i18n.changeLanguage("zh-CN");
});

function view(changes: Partial<DocumentJobView> = {}): DocumentJobView {
  return { id: EXPORT_ID, kind: "PLAN_DOCX", status: "QUEUED", progress: 0, fileName: "江阴市实施方案（2025年度）.docx", error: null, ...changes } as DocumentJobView;
}

function apiError(code: string, message: string) {
  return new TRPCClientError(message, { result: { error: { message, code: -32000, data: { code } } } });
}

/** The hook over a stub API whose export goes through `states`, one per poll (the last one stays). */
function renderDocumentJob(states: DocumentJobView[], handlers: StubHandlers = {}) {
  let poll = 0;
  const { client, calls } = stubTRPCClient({
    "plan.requestPlanDocument": () => view(),
    "documents.getExport": () => states[Math.min(poll++, states.length - 1)],
    ...handlers,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders queryClient={queryClient} trpcClient={client}>
      {children}
    </AppProviders>
  );
  const rendered = renderHook(
    () => {
      const trpc = useTRPCClient();
      // Written inline, as the screens do: a new function on every render.
      return useDocumentJob((input: { planId: string; format: "XLSX" | "DOCX" }) => trpc.plan.requestPlanDocument.mutate(input));
    },
    { wrapper },
  );
  return { ...rendered, calls, queryClient };
}

describe("useDocumentJob", () => {
  it("shows nothing before a document is asked for", () => {
    const { result, calls } = renderDocumentJob([view()]);
    expect(result.current).toMatchObject({ job: undefined, working: false, requesting: false, downloadUrl: null, error: null });
    expect(calls).toEqual([]);
  });

  it("asks once, follows the progress until the file is there, then offers its download", async () => {
    const { result, calls } = renderDocumentJob([
      view({ status: "QUEUED" }),
      view({ status: "RUNNING", progress: 40 }),
      view({ status: "SUCCEEDED", progress: 100 }),
    ]);
    act(() => result.current.request({ planId: "p-1", format: "DOCX" }));
    await waitFor(() => expect(result.current.working).toBe(true));
    await waitFor(() => expect(result.current.job?.status).toBe("SUCCEEDED"), { timeout: 5_000 });
    expect(result.current).toMatchObject({ working: false, error: null, downloadUrl: `/files/exports/${EXPORT_ID}` });
    expect(calls.filter((call) => call.path === "plan.requestPlanDocument")).toEqual([
      { path: "plan.requestPlanDocument", input: { planId: "p-1", format: "DOCX" } },
    ]);
    const polls = calls.filter((call) => call.path === "documents.getExport");
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(polls.every((call) => (call.input as { exportId: string }).exportId === EXPORT_ID)).toBe(true);
  });

  it("stops asking once the document is finished", async () => {
    const { result, calls } = renderDocumentJob([view({ status: "SUCCEEDED", progress: 100 })]);
    act(() => result.current.request({ planId: "p-1", format: "XLSX" }));
    await waitFor(() => expect(result.current.job?.status).toBe("SUCCEEDED"));
    const polled = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(calls.length).toBe(polled);
  });

  it("keeps following its document across re-renders", async () => {
    const { result, rerender } = renderDocumentJob([view({ status: "RUNNING", progress: 30 })]);
    act(() => result.current.request({ planId: "p-1", format: "DOCX" }));
    await waitFor(() => expect(result.current.job?.progress).toBe(30));
    rerender();
    rerender();
    expect(result.current.job).toMatchObject({ id: EXPORT_ID, progress: 30 });
    expect(result.current.working).toBe(true);
  });

  it("says why a failed document has no file, in the words the API gave", async () => {
    const { result } = renderDocumentJob([view({ status: "FAILED", error: "生成文件时出错，请重新发起导出" })]);
    act(() => result.current.request({ planId: "p-1", format: "DOCX" }));
    await waitFor(() => expect(result.current.error).toBe("生成文件时出错，请重新发起导出"));
    expect(result.current).toMatchObject({ working: false, downloadUrl: null });
  });

  it("passes on the API's refusal of the request as it was worded", async () => {
    const { result } = renderDocumentJob([], {
      "plan.requestPlanDocument": () => {
        throw apiError("SERVICE_UNAVAILABLE", "导出任务暂时无法提交，请稍后重试");
      },
    });
    act(() => result.current.request({ planId: "p-1", format: "DOCX" }));
    await waitFor(() => expect(result.current.error).toBe("导出任务暂时无法提交，请稍后重试"));
    expect(result.current).toMatchObject({ job: undefined, working: false });
  });

  it("words a failure that is not the API's (the network) in the reader's language", async () => {
    const { result } = renderDocumentJob([], {
      "plan.requestPlanDocument": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    act(() => result.current.request({ planId: "p-1", format: "DOCX" }));
    await waitFor(() => expect(result.current.error).toBe("无法连接服务器，请检查网络后重试"));
    await act(() => i18n.changeLanguage("en"));
    expect(result.current.error).toBe("The server cannot be reached; check the connection and try again");
    await act(() => i18n.changeLanguage("zh-CN"));
  });

  it("refreshes the export lists, every page and filter of them, when a document is asked for and when it is finished", async () => {
    const { result, queryClient } = renderDocumentJob([view({ status: "RUNNING" }), view({ status: "SUCCEEDED", progress: 100 })], {
      "documents.listExports": () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    // Pages a screen has shown, as @trpc/tanstack-react-query keys them, and a query of another procedure.
    const listed = [
      [["documents", "listExports"], { type: "query" }],
      [["documents", "listExports"], { input: { kind: "PLAN_DOCX", page: 3, pageSize: 50 }, type: "query" }],
    ];
    const other = [["documents", "getExport"], { input: { exportId: "elsewhere" }, type: "query" }];
    for (const key of [...listed, other]) queryClient.setQueryData(key, { items: [], total: 0 });
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    const invalidated = () => invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    act(() => result.current.request({ planId: "p-1", format: "XLSX" }));
    await waitFor(() => expect(result.current.job?.status).toBe("SUCCEEDED"), { timeout: 5_000 });
    await waitFor(() => expect(invalidated()).toHaveLength(2));
    expect(invalidated().every((key) => JSON.stringify(key).includes("listExports"))).toBe(true);
    for (const key of listed) expect(queryClient.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(true);
    expect(queryClient.getQueryState(other)?.isInvalidated).toBe(false);
  });
});
