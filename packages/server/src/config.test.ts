import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_CONFIG, readConfig } from "./config.js";

describe("readConfig", () => {
  it("gives the defaults for an empty environment", () => {
    expect(readConfig({})).toEqual(DEFAULT_CONFIG);
  });

  it("reads every variable", () => {
    const config = readConfig({
      SHIHYO_DATABASE_URL: "postgres://u:p@db:5432/shihyo",
      SHIHYO_PORT: "8080",
      SHIHYO_HOST: "0.0.0.0",
      SHIHYO_SESSION_TTL: "3600",
      SHIHYO_SECURE_COOKIES: "true",
      SHIHYO_LOG_LEVEL: "warn",
      SHIHYO_TRUST_PROXY: "1",
      SHIHYO_LOGIN_MAX_PER_EMAIL: "5",
    });
    expect(config).toMatchObject({
      databaseUrl: "postgres://u:p@db:5432/shihyo",
      port: 8080,
      host: "0.0.0.0",
      sessionTtlSeconds: 3600,
      secureCookies: true,
      logLevel: "warn",
      trustProxy: true,
      login: { maxPerEmail: 5 },
    });
  });

  it("lists every problem at once", () => {
    let error: unknown;
    try {
      readConfig({
        SHIHYO_PORT: "eighty",
        SHIHYO_SECURE_COOKIES: "maybe",
        SHIHYO_LOG_LEVEL: "loud",
        SHIHYO_DATABASE_URL: "mysql://x",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(4);
    expect((error as ConfigError).message).toContain("SHIHYO_PORT");
  });
});
