import { fieldLabel, isErrorKey, translateError, type ErrorKey, type Locale } from "./messages";

/** The parts of a zod 4 issue this module reads (kept structural so the lib does not depend on zod). */
export interface InputIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  keys?: readonly string[];
}

export interface LocalisedIssue {
  /** Dotted path of the offending field, e.g. "schedule.0.amount"; "" for the whole input. */
  field: string;
  message: string;
}

/**
 * Turns a validation issue into a message in the user's language that names the offending field (as `procedure`, the
 * procedure's path, names it where it has a name of its own).
 */
export function localiseInputIssue(locale: Locale, issue: InputIssue, procedure?: string): LocalisedIssue {
  const field = issue.path.map(String).join(".");
  const lastNamedSegment = [...issue.path].reverse().find((segment) => typeof segment === "string");
  const label = fieldLabel(locale, typeof lastNamedSegment === "string" ? lastNamedSegment : "input", procedure);
  const problem = translateError(locale, problemKey(issue), {
    minimum: String(issue.minimum ?? ""),
    maximum: String(issue.maximum ?? ""),
    keys: (issue.keys ?? []).join(", "),
  });
  return { field, message: translateError(locale, "input.invalid", { field: label, problem }) };
}

function problemKey(issue: InputIssue): ErrorKey {
  // Custom refinements carry a message key of ours (e.g. "creditCode.invalid").
  if (isErrorKey(issue.message)) return issue.message;
  const sized = issue.origin === "string" || issue.origin === "array";
  switch (issue.code) {
    case "invalid_type":
      // zod reports the input only when asked to; its default message still says what it received.
      return "input" in issue ? (issue.input == null ? "input.required" : "input.type")
        : /received (undefined|null)\b/.test(issue.message) ? "input.required" : "input.type";
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "input.required";
      if (issue.origin === "array") return "input.tooFewItems";
      return sized ? "input.tooShort" : "input.tooSmall";
    case "too_big":
      if (issue.origin === "array") return "input.tooManyItems";
      return sized ? "input.tooLong" : "input.tooBig";
    case "invalid_format":
      return "input.format";
    case "invalid_value":
    case "invalid_union":
      return "input.value";
    case "unrecognized_keys":
      return "input.unknownKeys";
    default:
      return "input.format";
  }
}
