import type { Lang } from "@shihyo/engine";

/**
 * Every way the API can refuse a request. The value is the stable code: it names the
 * problem type (`https://shihyo.dev/problems/<code with dashes>`) and never changes.
 */
export enum AppErrorCode {
  BadRequest = "bad_request",
  ValidationFailed = "validation_failed",
  Unauthenticated = "unauthenticated",
  InvalidCredentials = "invalid_credentials",
  Forbidden = "forbidden",
  CsrfFailed = "csrf_failed",
  NotFound = "not_found",
  Conflict = "conflict",
  StaleVersion = "stale_version",
  PayloadTooLarge = "payload_too_large",
  UnsupportedMediaType = "unsupported_media_type",
  InvalidPlanFile = "invalid_plan_file",
  InvalidData = "invalid_data",
  InvalidTarget = "invalid_target",
  Unprocessable = "unprocessable",
  PreconditionRequired = "precondition_required",
  RateLimited = "rate_limited",
  Unavailable = "unavailable",
  Internal = "internal",
}

/** The one table from code to HTTP status. */
export const HTTP_STATUS: Readonly<Record<AppErrorCode, number>> = {
  [AppErrorCode.BadRequest]: 400,
  [AppErrorCode.ValidationFailed]: 400,
  [AppErrorCode.Unauthenticated]: 401,
  [AppErrorCode.InvalidCredentials]: 401,
  [AppErrorCode.Forbidden]: 403,
  [AppErrorCode.CsrfFailed]: 403,
  [AppErrorCode.NotFound]: 404,
  [AppErrorCode.Conflict]: 409,
  [AppErrorCode.StaleVersion]: 412,
  [AppErrorCode.PayloadTooLarge]: 413,
  [AppErrorCode.UnsupportedMediaType]: 415,
  [AppErrorCode.InvalidPlanFile]: 422,
  [AppErrorCode.InvalidData]: 422,
  [AppErrorCode.InvalidTarget]: 422,
  [AppErrorCode.Unprocessable]: 422,
  [AppErrorCode.PreconditionRequired]: 428,
  [AppErrorCode.RateLimited]: 429,
  [AppErrorCode.Unavailable]: 503,
  [AppErrorCode.Internal]: 500,
};

/** One located problem inside a request: a field, a line of a file, a row of data. */
export interface ProblemItem {
  message: string;
  /** `nodes[3].cadence`, `rows[12].period`, `query.period`, or a data file's column name. */
  path: string;
  line?: number | null;
  column?: number | null;
  code?: string;
  value?: string;
  file?: string | null;
}

/** Renders text in the caller's language, worked out only when the answer is written. */
export type Localized = (lang: Lang) => string;

export interface AppErrorOptions {
  /** Overrides the catalogue's detail for this code. */
  detail?: Localized;
  errors?: (lang: Lang) => ProblemItem[];
  /** Extra headers for the answer (Retry-After, ETag…). */
  headers?: Record<string, string>;
  /** Extra members of the problem document (`totalErrors`, `currentVersion`…). */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type of the server; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: AppErrorCode,
    readonly options: AppErrorOptions = {},
  ) {
    super(options.detail ? options.detail("en") : code, options.cause ? { cause: options.cause } : undefined);
    this.name = "AppError";
    this.status = HTTP_STATUS[code];
  }
}

/** The problem type URI of a code. */
export function problemType(code: AppErrorCode): string {
  return `https://shihyo.dev/problems/${code.replaceAll("_", "-")}`;
}
