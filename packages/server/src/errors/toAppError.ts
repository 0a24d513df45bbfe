import { ShihyoError } from "@shihyo/engine";
import { isStoreError, type StoreError } from "@shihyo/store";
import type { FastifyError } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, AppErrorCode, type ProblemItem } from "./appError.js";
import { serverMessages } from "./problemMessages.js";

const STORE_CODES: Readonly<Record<string, AppErrorCode>> = {
  not_found: AppErrorCode.NotFound,
  conflict: AppErrorCode.Conflict,
  stale_version: AppErrorCode.StaleVersion,
  invalid: AppErrorCode.Unprocessable,
  last_owner: AppErrorCode.Conflict,
  locked: AppErrorCode.Unavailable,
  migration_failed: AppErrorCode.Unavailable,
};

function storeError(error: StoreError): AppError {
  const code = STORE_CODES[error.code] ?? AppErrorCode.Internal;
  const invalid = isStoreError(error, "invalid") ? error.params : null;
  const reason: string | undefined = invalid?.reason;
  if (reason === "too_many_rows")
    return new AppError(AppErrorCode.PayloadTooLarge, { detail: (lang) => error.text(lang), cause: error });
  const rows = reason === "measurement_rows" ? invalid?.rows : undefined;
  if (rows) {
    return new AppError(AppErrorCode.InvalidData, {
      detail: (lang) => error.text(lang),
      errors: () => rows.map((r) => ({ message: r.reason, path: `rows[${r.index}]`, code: r.reason })),
      extensions: { totalErrors: invalid?.count ?? rows.length },
      cause: error,
    });
  }
  return new AppError(code, {
    // A missing entity says only "not found": never which organisation's it is.
    ...(code === AppErrorCode.NotFound ? {} : { detail: (lang) => error.text(lang) }),
    cause: error,
  });
}

const FASTIFY_STATUS: Readonly<Record<number, AppErrorCode>> = {
  400: AppErrorCode.BadRequest,
  401: AppErrorCode.Unauthenticated,
  403: AppErrorCode.Forbidden,
  404: AppErrorCode.NotFound,
  413: AppErrorCode.PayloadTooLarge,
  415: AppErrorCode.UnsupportedMediaType,
  429: AppErrorCode.RateLimited,
};

function validationError(
  validation: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[],
  context: string | undefined,
): AppError {
  const items = (lang: "ja" | "en"): ProblemItem[] =>
    validation.map((v) => {
      const field = v.instancePath.split("/").filter(Boolean).join(".");
      const path = [context, field].filter(Boolean).join(".");
      const missing = v.keyword === "invalid_type" && /received undefined/.test(v.message ?? "");
      const message = missing
        ? serverMessages[lang].requiredParameter({ name: field || (context ?? "") })
        : (v.message ?? v.keyword);
      return { message, path, code: v.keyword };
    });
  return new AppError(AppErrorCode.ValidationFailed, { errors: items });
}

/** Whatever was thrown, as the one error type the API answers with. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isStoreError(error)) return storeError(error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    return validationError(error.validation, context);
  }
  if (error instanceof ShihyoError) {
    return new AppError(AppErrorCode.Unprocessable, {
      detail: (lang) => error.text(lang),
      errors: (lang) => [{ message: error.text(lang), path: error.location.path ?? "", code: error.code }],
      cause: error,
    });
  }
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const message = (error as Error).message;
    return new AppError(FASTIFY_STATUS[status] ?? AppErrorCode.BadRequest, {
      detail: () => message,
      cause: error,
    });
  }
  return new AppError(AppErrorCode.Internal, { cause: error });
}
