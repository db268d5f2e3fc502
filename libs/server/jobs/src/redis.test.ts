import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { redisConnectionOptions, redisTlsFromEnv } from "./redis";

const dir = mkdtempSync(join(tmpdir(), "dtpilot-redis-ca-"));
const caFile = join(dir, "ca.pem");
writeFileSync(caFile, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Redis connection options from REDIS_URL and the TLS settings", () => {
  it("reads host, port and database of a local URL, without TLS or credentials", () => {
    expect(redisConnectionOptions("redis://127.0.0.1:6379/0")).toEqual({ host: "127.0.0.1", port: 6379, db: 0 });
    expect(redisConnectionOptions("redis://cache.internal")).toEqual({ host: "cache.internal", port: 6379, db: 0 });
  });

  it("takes the ACL user and its password from the URL, percent-decoded", () => {
    expect(redisConnectionOptions("redis://dtpilot:p%40ss%3Aw%2Frd@10.0.0.5:6380/2")).toEqual({
      host: "10.0.0.5",
      port: 6380,
      db: 2,
      username: "dtpilot",
      password: "p@ss:w/rd",
    });
    expect(redisConnectionOptions("redis://:only-a-password@h/1")).toMatchObject({ password: "only-a-password", db: 1 });
    expect(redisConnectionOptions("redis://:only-a-password@h/1")).not.toHaveProperty("username");
  });

  it("speaks TLS for rediss://, verifying the server's certificate by name, against the given CA", () => {
    const options = redisConnectionOptions("rediss://dtpilot:secret@redis.example.cn:6380/0", { caFile });
    expect(options).toMatchObject({ host: "redis.example.cn", port: 6380, username: "dtpilot", password: "secret" });
    expect(options.tls).toMatchObject({ servername: "redis.example.cn", rejectUnauthorized: true });
    expect(String(options.tls!.ca)).toContain("BEGIN CERTIFICATE");
    expect(redisConnectionOptions("rediss://h", {}).tls).toEqual({ servername: "h", rejectUnauthorized: true });
    expect(redisConnectionOptions("rediss://h", { rejectUnauthorized: false }).tls).toMatchObject({ rejectUnauthorized: false });
  });

  it("refuses settings that cannot be right, saying which", () => {
    expect(() => redisConnectionOptions("http://h:6379")).toThrow(/REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(() => redisConnectionOptions("not a url")).toThrow(/REDIS_URL is not a URL/);
    expect(() => redisConnectionOptions("redis://h/x")).toThrow(/database "x"/);
    expect(() => redisConnectionOptions("redis://h", { caFile })).toThrow(/REDIS_TLS_CA is set but REDIS_URL does not use TLS/);
    expect(() => redisConnectionOptions("rediss://h", { caFile: join(dir, "missing.pem") })).toThrow(/ENOENT/);
  });

  it("reads the TLS settings from the environment, verifying by default", () => {
    expect(redisTlsFromEnv({})).toEqual({ rejectUnauthorized: true });
    expect(redisTlsFromEnv({ REDIS_TLS_CA: "/etc/redis/ca.pem", REDIS_TLS_REJECT_UNAUTHORIZED: "false" })).toEqual({
      caFile: "/etc/redis/ca.pem",
      rejectUnauthorized: false,
    });
    expect(() => redisTlsFromEnv({ REDIS_TLS_REJECT_UNAUTHORIZED: "no" })).toThrow(/"true" or "false"/);
  });
});
