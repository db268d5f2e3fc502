import { appError } from "../../kernel/errors";

/** Why the roster refused an enterprise, as the error the county reads: on the roster already, or another county's. */
export function enrolmentRefused(reason: "ENROLLED" | "REGISTERED_ELSEWHERE", creditCode: string, field?: string) {
  const key = reason === "ENROLLED" ? "roster.creditCode.enrolled" : "roster.creditCode.registeredElsewhere";
  return appError("CONFLICT", key, { params: { creditCode }, ...(field ? { field } : {}) });
}
