import { type Plan, parseKpiFile, writeKpiFileJson } from "@shihyo/engine";
import { useQuery } from "@tanstack/react-query";
import i18n from "i18next";
import { ApiError } from "../../api/client";
import type { PlanSummary } from "../../api/types";
import type { ServerProblemItem } from "./checkDraft";

/**
 * The plan editor's calls. They need what `apiRequest` does not give: the ETag of the file
 * read, If-Match on the write, a KPI file as the body (YAML or JSON text), and the located
 * errors of a refused file. Errors are the same ApiError, with those errors attached.
 */

export class PlanFileError extends ApiError {
  constructor(
    status: number,
    code: string,
    detail: string | null,
    readonly items: ServerProblemItem[],
  ) {
    super(status, code, detail);
    this.name = "PlanFileError";
  }
}

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
  errors?: ServerProblemItem[];
}

async function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; csrfToken?: string | null },
  signal?: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = { "accept-language": i18n.language, ...init.headers };
  if (init.csrfToken) headers["x-csrf-token"] = init.csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body,
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new PlanFileError(0, "network", null, []);
  }
  if (response.ok) return response;
  let problem: Problem = {};
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = {};
    }
  }
  throw new PlanFileError(
    response.status,
    problem.code ?? "http_error",
    problem.detail ?? problem.title ?? null,
    problem.errors ?? [],
  );
}

export interface EditablePlan {
  plan: Plan;
  /** The version the file is at, for If-Match. */
  etag: string;
}

const planPath = (planId: string) => `/plans/${encodeURIComponent(planId)}`;

/** The plan's KPI file with its ETag. Under `["plan-file", …]` so saving anywhere refreshes it. */
export const useEditablePlan = (planId: string | undefined) =>
  useQuery({
    queryKey: ["plan-file", planId, "editable"],
    queryFn: async ({ signal }): Promise<EditablePlan> => {
      const response = await send(`${planPath(planId!)}/export?format=json`, {}, signal);
      const etag = response.headers.get("etag");
      if (!etag) throw new PlanFileError(500, "http_error", null, []);
      // The export writes the file's shorthands (a bare number as a target): read it as a file.
      const parsed = parseKpiFile(await response.text(), { format: "json" });
      if (!parsed.ok) throw new PlanFileError(500, "http_error", parsed.errors[0]?.text("en") ?? null, []);
      return { plan: parsed.plan, etag };
    },
    enabled: planId !== undefined,
    refetchOnWindowFocus: false,
  });

/** Replaces the plan by the given file; answers the new summary and ETag. */
export async function savePlan(options: {
  planId: string;
  /** A plan model, or the text of a KPI file as uploaded. */
  file: Plan | { text: string; format: "yaml" | "json" };
  etag: string;
  csrfToken: string | null;
}): Promise<{ summary: PlanSummary; etag: string }> {
  const { file } = options;
  const isText = "text" in file;
  const response = await send(planPath(options.planId), {
    method: "PUT",
    headers: {
      "content-type": isText && file.format === "yaml" ? "application/yaml" : "application/json",
      "if-match": options.etag,
    },
    body: isText ? file.text : writeKpiFileJson(file),
    csrfToken: options.csrfToken,
  });
  const summary = (await response.json()) as PlanSummary;
  return { summary, etag: response.headers.get("etag") ?? `"${summary.version}"` };
}

/** Creates a plan from a KPI file's text (admins); answers its id. */
export async function createPlanFromFile(options: {
  text: string;
  format: "yaml" | "json";
  csrfToken: string | null;
}): Promise<string> {
  const response = await send("/plans", {
    method: "POST",
    headers: { "content-type": options.format === "yaml" ? "application/yaml" : "application/json" },
    body: options.text,
    csrfToken: options.csrfToken,
  });
  return ((await response.json()) as { id: string }).id;
}

/** Where the browser downloads the plan as a YAML KPI file (the server names it). */
export const exportUrl = (planId: string) => `/api/v1${planPath(planId)}/export`;
