import { describe, expect, it } from "vitest";
import { apiErrorCode, apiErrorField } from "./api-error";

/** An error as the tRPC client raises it: the API's formatted data on `data`. */
function apiError(data: unknown) {
  return Object.assign(new Error("失败"), { data });
}

describe("reading an API error", () => {
  it("finds the code and the field the API's formatter sent", () => {
    const error = apiError({ code: "BAD_REQUEST", httpStatus: 400, field: "contact.phone" });
    expect(apiErrorCode(error)).toBe("BAD_REQUEST");
    expect(apiErrorField(error)).toBe("contact.phone");
  });

  it("finds neither in an error that did not come from the API (a network failure)", () => {
    expect(apiErrorCode(new TypeError("Failed to fetch"))).toBeUndefined();
    expect(apiErrorField(apiError(undefined))).toBeUndefined();
    expect(apiErrorCode("UNAUTHORIZED")).toBeUndefined();
    expect(apiErrorCode({ data: { code: "UNAUTHORIZED" } })).toBeUndefined();
  });
});
