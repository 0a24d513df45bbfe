/**
 * The server's configuration, read once from the environment at start-up. Every problem is
 * listed at once so that a deployment is fixed in one go; nothing else reads `process.env`.
 */

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  /** A directory (embedded SQLite database) or a `postgres://` URL. */
  databaseUrl: string;
  port: number;
  host: string;
  /** How long a sign-in lasts. */
  sessionTtlSeconds: number;
  /** Marks the session cookie `Secure` (set behind HTTPS). */
  secureCookies: boolean;
  logLevel: LogLevel;
  /** Honour X-Forwarded-For (behind a load balancer) for the client's address. */
  trustProxy: boolean;
  login: {
    /** Attempts per e-mail address within the window. */
    maxPerEmail: number;
    /** Attempts per client address within the window. */
    maxPerIp: number;
    windowSeconds: number;
  };
  /** Most measurement rows one request may carry. */
  maxMeasurementRows: number;
  /** Plans whose evaluator one instance keeps in memory. */
  evaluatorCacheSize: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  databaseUrl: "./.shihyo",
  port: 3000,
  host: "127.0.0.1",
  sessionTtlSeconds: 7 * 24 * 3600,
  secureCookies: false,
  logLevel: "info",
  trustProxy: false,
  login: { maxPerEmail: 10, maxPerIp: 100, windowSeconds: 15 * 60 },
  maxMeasurementRows: 100_000,
  evaluatorCacheSize: 16,
};

/** The environment had problems: every one of them, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads SHIHYO_* variables into a typed config; throws ConfigError listing every problem. */
export function readConfig(env: Env): ServerConfig {
  const problems: string[] = [];
  const text = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value.trim() === "" ? fallback : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const value = env[name];
    if (value === undefined || value.trim() === "") return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, not "${value}"`);
      return fallback;
    }
    return n;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = env[name]?.trim().toLowerCase();
    if (value === undefined || value === "") return fallback;
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off"].includes(value)) return false;
    problems.push(`${name} must be true or false, not "${env[name]}"`);
    return fallback;
  };
  const logLevel = text("SHIHYO_LOG_LEVEL", DEFAULT_CONFIG.logLevel);
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    problems.push(`SHIHYO_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${logLevel}"`);
  const databaseUrl = text("SHIHYO_DATABASE_URL", DEFAULT_CONFIG.databaseUrl);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl) && !/^postgres(ql)?:\/\//i.test(databaseUrl))
    problems.push(`SHIHYO_DATABASE_URL must be a directory or a postgres:// URL, not "${databaseUrl}"`);

  const config: ServerConfig = {
    databaseUrl,
    port: integer("SHIHYO_PORT", DEFAULT_CONFIG.port, 0, 65_535),
    host: text("SHIHYO_HOST", DEFAULT_CONFIG.host),
    sessionTtlSeconds: integer("SHIHYO_SESSION_TTL", DEFAULT_CONFIG.sessionTtlSeconds, 60, 365 * 24 * 3600),
    secureCookies: flag("SHIHYO_SECURE_COOKIES", DEFAULT_CONFIG.secureCookies),
    logLevel: logLevel as LogLevel,
    trustProxy: flag("SHIHYO_TRUST_PROXY", DEFAULT_CONFIG.trustProxy),
    login: {
      maxPerEmail: integer("SHIHYO_LOGIN_MAX_PER_EMAIL", DEFAULT_CONFIG.login.maxPerEmail, 1, 1_000_000),
      maxPerIp: integer("SHIHYO_LOGIN_MAX_PER_IP", DEFAULT_CONFIG.login.maxPerIp, 1, 1_000_000),
      windowSeconds: integer("SHIHYO_LOGIN_WINDOW", DEFAULT_CONFIG.login.windowSeconds, 1, 24 * 3600),
    },
    maxMeasurementRows: DEFAULT_CONFIG.maxMeasurementRows,
    evaluatorCacheSize: integer("SHIHYO_EVALUATOR_CACHE_SIZE", DEFAULT_CONFIG.evaluatorCacheSize, 1, 10_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
