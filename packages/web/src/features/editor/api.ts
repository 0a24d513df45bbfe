import { type Plan, parseKpiFile, writeKpiFileJson } from "@shihyo/engine";
import { useQuery } from "@tanstack/react-query";
import i18n from "i18next";
import { ApiError, apiFetch, type FetchOptions } from "../../api/client";
import type { PlanSummary } from "../../api/types";
import type { ServerProblemItem } from "./checkDraft";

/**
 * The plan editor's calls, on the client's `apiFetch`: they read the ETag of the file, send
 * If-Match and a KPI file as the body (YAML or JSON text), and a refusal keeps the located
 * errors of the file (PlanFileError, an ApiError).
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

/** A request through the app's client; a refusal carries the located errors of the file. */
async function send(
  path: string,
  init: Omit<FetchOptions, "language" | "signal">,
  signal?: AbortSignal,
): Promise<Response> {
  try {
    return await apiFetch(path, { ...init, language: i18n.language, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const items = Array.isArray(error.problem.errors) ? (error.problem.errors as ServerProblemItem[]) : [];
    throw new PlanFileError(error.status, error.code, error.detail, items);
  }
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
