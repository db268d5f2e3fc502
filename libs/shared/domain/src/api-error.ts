/**
 * What the API's error formatter adds to an error it sends (`error.data`): the tRPC code ("UNAUTHORIZED",
 * "NOT_FOUND", …) and the input field a message belongs to. Read here, apart from the tRPC client, so the web's
 * UI kit (which error page to show, which input gets the message) and its data access (when the session is gone,
 * what is worth a retry) read it one way without depending on each other.
 */
function errorData(error: unknown): Record<string, unknown> | undefined {
  if (!(error instanceof Error) || !("data" in error)) return undefined;
  const data: unknown = error.data;
  return data && typeof data === "object" ? (data as Record<string, unknown>) : undefined;
}

/** The tRPC error code of an API error, if it is one. */
export function apiErrorCode(error: unknown): string | undefined {
  const code = errorData(error)?.["code"];
  return typeof code === "string" ? code : undefined;
}

/** The field an API error names (`error.data.field`), for placing the message beside the right input. */
export function apiErrorField(error: unknown): string | undefined {
  const field = errorData(error)?.["field"];
  return typeof field === "string" ? field : undefined;
}
