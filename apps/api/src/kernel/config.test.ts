import { describe, expect, it } from "vitest";
import { trustedProxies } from "./config";

describe("TRUSTED_PROXIES", () => {
  it("trusts the shell's proxy on loopback by default", () => {
    expect(trustedProxies(undefined)).toEqual(["127.0.0.1", "::1"]);
  });

  it("takes a hop count, a list of addresses and ranges, or none", () => {
    expect(trustedProxies("2")).toBe(2);
    expect(trustedProxies(" 10.0.0.0/8, 192.168.1.5 ")).toEqual(["10.0.0.0/8", "192.168.1.5"]);
    expect(trustedProxies("none")).toBe(false);
    expect(trustedProxies("")).toBe(false);
  });
});
