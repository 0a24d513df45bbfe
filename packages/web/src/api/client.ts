/**
 * The one way the web app talks to the server: same-origin requests under /api/v1, the
 * session cookie, the CSRF header on writes, and the user's language for the server's
 * messages. Errors become ApiError with the problem+json `detail` (already in that language).
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The problem's stable code (e.g. `invalid_credentials`); `network` when no answer came. */
    readonly code: string,
    /** The server's message for people, in the language asked for; null when there is none. */
    readonly detail: string | null,
    /** The whole problem document (e.g. its `errors` list), when the server sent one. */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(detail ?? `${status} ${code}`);
    this.name = "ApiError";
  }
}

export interface FetchOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The body as sent (JSON text, a KPI file, a data file). */
  body?: string | Blob;
  /** Extra request headers (content type, If-Match with the ETag of the version edited, …). */
  headers?: Record<string, string>;
  /** Required by the server on writes with a session cookie. */
  csrfToken?: string | null;
  language: string;
  signal?: AbortSignal;
}

export interface RequestOptions extends Omit<FetchOptions, "body"> {
  /** Sent as JSON. */
  body?: unknown;
}

type Problem = Record<string, unknown> & { code?: string; detail?: string; title?: string };

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return {};
  try {
    return (await response.json()) as Problem;
  } catch {
    return {};
  }
}

/**
 * A request under /api/v1 (`path` without that prefix); the answer when it is a success, for
 * callers that read headers (ETag, Link) or a body that is not JSON. Anything else is an ApiError.
 */
export async function apiFetch(path: string, options: FetchOptions): Promise<Response> {
  const headers: Record<string, string> = {
    accept: "application/json",
    ...options.headers,
    "accept-language": options.language,
  };
  if (options.csrfToken) headers["x-csrf-token"] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body,
      // "include" (same-origin requests only, so the same cookies): the mode the page's
      // <link rel="preload" crossorigin="use-credentials"> uses, so those answers are reused.
      credentials: "include",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", null);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(
      response.status,
      problem.code ?? "http_error",
      problem.detail ?? problem.title ?? null,
      problem,
    );
  }
  return response;
}

export async function apiRequest<T>(path: string, options: RequestOptions): Promise<T> {
  const { body, ...rest } = options;
  const response = await apiFetch(path, {
    ...rest,
    ...(body !== undefined
      ? { body: JSON.stringify(body), headers: { ...options.headers, "content-type": "application/json" } }
      : {}),
  });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
