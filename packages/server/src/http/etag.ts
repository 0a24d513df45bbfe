import { AppError, AppErrorCode } from "../errors/appError.js";

/** The ETag of a versioned resource: its version as a strong entity tag. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header names (`"3"`, `W/"3"` or `3`); 428 when it is missing and
 * required, null when it is missing and optional.
 */
export function ifMatchVersion(header: string | string[] | undefined, required: boolean): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === "") {
    if (required) throw new AppError(AppErrorCode.PreconditionRequired);
    return null;
  }
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!match) {
    throw new AppError(AppErrorCode.ValidationFailed, {
      errors: () => [{ message: `not an ETag of this API: ${value}`, path: "headers.if-match" }],
    });
  }
  return Number(match[1]);
}
