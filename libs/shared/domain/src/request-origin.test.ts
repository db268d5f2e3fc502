import { describe, expect, it } from "vitest";
import { requestOriginVerdict } from "./request-origin";

const allowedOrigins = ["http://localhost:4200"];
const verdict = (method: string, origin: string | undefined, clientHeader?: string) =>
  requestOriginVerdict({ method, origin, clientHeader, allowedOrigins });

describe("the origin of a state-changing request", () => {
  it("accepts any read, whatever its origin", () => {
    expect(verdict("GET", "https://evil.example")).toBe("allowed");
    expect(verdict("HEAD", undefined)).toBe("allowed");
  });

  it("accepts an allowed origin and refuses any other, even with the client header", () => {
    expect(verdict("POST", "http://localhost:4200")).toBe("allowed");
    expect(verdict("PUT", "https://evil.example", "web")).toBe("foreignOrigin");
    expect(verdict("POST", "null")).toBe("foreignOrigin");
  });

  it("refuses a request without an origin unless our own client says it sent it", () => {
    expect(verdict("POST", undefined)).toBe("missingOrigin");
    expect(verdict("delete", undefined, "something")).toBe("missingOrigin");
    expect(verdict("POST", undefined, "web")).toBe("allowed");
  });
});
