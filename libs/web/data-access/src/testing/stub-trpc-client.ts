/**
 * A tRPC client for component tests that answers from handlers by procedure path, as the API would: a handler's value
 * is the procedure's data, a thrown error arrives as a TRPCClientError. Every call is recorded. Entry:
 * `@dtpilot/data-access/testing` (tests only).
 */
import type { AppRouter } from "@dtpilot/api";
import { createTRPCClient, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";

export type StubHandlers = Record<string, (input: unknown) => unknown>;
export interface StubCall {
  path: string;
  input: unknown;
}

export function stubTRPCClient(handlers: StubHandlers) {
  const calls: StubCall[] = [];
  const link: TRPCLink<AppRouter> = () => ({ op }) =>
    observable((observer) => {
      calls.push({ path: op.path, input: op.input });
      const handler = handlers[op.path];
      Promise.resolve()
        .then(() => {
          if (!handler) throw new Error(`no handler for ${op.path}`);
          return handler(op.input);
        })
        .then(
          (data) => {
            observer.next({ result: { type: "data", data } });
            observer.complete();
          },
          (error: unknown) =>
            observer.error(error instanceof TRPCClientError ? error : TRPCClientError.from(error instanceof Error ? error : new Error(String(error)))),
        );
      return () => undefined;
    });
  return { client: createTRPCClient<AppRouter>({ links: [link] }), calls };
}
