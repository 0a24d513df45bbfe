/*
 * The measurement endpoints as the data-entry page uses them: stored actuals read page by
 * page, and writes (grid rows as JSON, files as CSV/XLSX) with upload progress and the
 * server's list of bad rows.
 */
import { type QueryClient, useQueries, useQuery } from "@tanstack/react-query";
import i18n from "i18next";
import { ApiError, apiFetch, apiRequest } from "../../api/client";
import type { PlanNode } from "../../api/types";
import { rowKey, type StoredValues } from "./drafts";

/** A node as GET /plans/{id}/nodes gives it (the shared PlanNode type leaves these fields out). */
export interface EntryNode extends PlanNode {
  grain: string;
  aggregation: string;
  measured: boolean;
  computed: boolean;
  /** The weight node of a `weighted_average`. */
  weight?: string;
}

export interface StoredMeasurement {
  node: string;
  period: string;
  value: number;
  segment?: string;
}

export interface IngestResult {
  inserted: number;
  updated: number;
  unchanged: number;
  importId: string;
}

export interface DryRunResult {
  dryRun: true;
  inserted: number;
  updated: number;
  unchanged: number;
  rows: number;
  preview: (StoredMeasurement & { previous: number | null; change: "new" | "changed" | "same" })[];
}

/** One bad row or field of a refused write, as the problem+json `errors` list gives it. */
export interface ProblemRow {
  message: string;
  /** A data file's column name, or `rows[3].value` for JSON rows. */
  path: string;
  line?: number | null;
  column?: number | null;
  value?: string;
  code?: string;
}

/** A refused write: the server's message and every bad row it listed (`totalErrors` counts them all). */
export class MeasurementProblem extends ApiError {
  constructor(
    status: number,
    code: string,
    detail: string | null,
    readonly rows: ProblemRow[],
    readonly totalErrors: number,
  ) {
    super(status, code, detail);
    this.name = "MeasurementProblem";
  }
}

const PAGE = 1000;

/** Every stored actual of a node in a period range, following the server's `Link: rel="next"`. */
async function fetchMeasurements(
  planId: string,
  query: { node: string; from: string; to: string },
  signal: AbortSignal,
): Promise<StoredMeasurement[]> {
  const search = new URLSearchParams({ ...query, limit: String(PAGE) });
  let path: string | null = `/plans/${encodeURIComponent(planId)}/measurements?${search}`;
  const rows: StoredMeasurement[] = [];
  while (path !== null) {
    const response = await apiFetch(path, { language: i18n.language, signal });
    rows.push(...((await response.json()) as StoredMeasurement[]));
    // The next page's link is absolute (/api/v1/…); apiFetch takes the path under /api/v1.
    const next = /<\/api\/v1([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1];
    path = next ?? null;
  }
  return rows;
}

export const measurementsKey = (planId: string | undefined) => ["measurements", planId] as const;

/**
 * The stored actuals of the given nodes over their column ranges, by row key (the node, or
 * the node and segment: see `rowKey`) and period.
 */
export function useStoredValues(
  planId: string | undefined,
  ranges: readonly { node: string; from: string; to: string }[],
) {
  return useQueries({
    queries: ranges.map((range) => ({
      queryKey: [...measurementsKey(planId), range.node, range.from, range.to],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchMeasurements(planId!, range, signal),
      enabled: planId !== undefined,
    })),
    combine: (results) => {
      const values: Record<string, Record<string, number>> = {};
      for (const result of results)
        for (const m of result.data ?? []) {
          const key = rowKey(m.node, m.segment ?? "");
          values[key] ??= {};
          values[key][m.period] = m.value;
        }
      return {
        values: values as StoredValues,
        isPending: results.some((r) => r.isPending),
        isFetching: results.some((r) => r.isFetching),
        error: results.find((r) => r.error)?.error ?? null,
        refetch: () => {
          for (const result of results) void result.refetch();
        },
      };
    },
  });
}

/** GET /plans/{id}/segments: each node's segment names over all its stored actuals (any period). */
export interface PlanSegments {
  nodes: Record<string, string[]>;
}

export const segmentsKey = (planId: string | undefined) => ["segments", planId] as const;

/**
 * The segments the plan's actuals are recorded by, in every period: a node recorded by segment
 * in earlier months is still one with segments in a month without any actual yet. Read again
 * after every write (`refreshAfterWrite`), so that a segment a save adds is known at once.
 */
export function usePlanSegments(planId: string | undefined) {
  return useQuery({
    queryKey: segmentsKey(planId),
    queryFn: ({ signal }) =>
      apiRequest<PlanSegments>(`/plans/${encodeURIComponent(planId!)}/segments`, {
        language: i18n.language,
        signal,
      }),
    enabled: planId !== undefined,
  });
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The content type a file is sent as, from its name; null for files the server does not read. */
export function fileContentType(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "text/csv";
  if (lower.endsWith(".xlsx")) return XLSX_TYPE;
  return null;
}

export type MeasurementPayload = { kind: "rows"; rows: StoredMeasurement[] } | { kind: "file"; file: File };

export interface SendOptions {
  planId: string;
  payload: MeasurementPayload;
  dryRun: boolean;
  csrfToken: string | null;
  /** Share of the body sent so far (0–1); called as the upload goes. */
  onProgress?: (sent: number) => void;
  signal?: AbortSignal;
}

/**
 * POST /plans/{id}/measurements (with `?dryRun=true` to check and count only). Sent with
 * XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function sendMeasurements<D extends boolean>(
  options: SendOptions & { dryRun: D },
): Promise<D extends true ? DryRunResult : IngestResult> {
  const { planId, payload, dryRun, csrfToken, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = dryRun ? "?dryRun=true" : "";
    xhr.open("POST", `/api/v1/plans/${encodeURIComponent(planId)}/measurements${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("accept-language", i18n.language);
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    let body: Blob | string;
    if (payload.kind === "rows") {
      xhr.setRequestHeader("content-type", "application/json");
      body = JSON.stringify({ rows: payload.rows });
    } else {
      xhr.setRequestHeader("content-type", fileContentType(payload.file.name) ?? "text/csv");
      body = payload.file;
    }
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.upload.onload = () => onProgress(1);
    }
    xhr.onload = () => {
      let answer: Record<string, unknown> = {};
      try {
        answer = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        // not JSON: reported by status below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(answer as unknown as D extends true ? DryRunResult : IngestResult);
        return;
      }
      const rows = Array.isArray(answer.errors) ? (answer.errors as ProblemRow[]) : [];
      reject(
        new MeasurementProblem(
          xhr.status,
          typeof answer.code === "string" ? answer.code : "http_error",
          typeof answer.detail === "string" ? answer.detail : null,
          rows,
          typeof answer.totalErrors === "number" ? answer.totalErrors : rows.length,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, "network", null));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * After a write: every number that may show the new actuals is read again, and the plan's
 * segments (`segmentsKey`: a save may add one); not the session or the plan's structure.
 */
export function refreshAfterWrite(client: QueryClient): Promise<void> {
  const keep = new Set(["session", "plan-file", "nodes"]);
  return client.invalidateQueries({ predicate: (query) => !keep.has(String(query.queryKey[0])) });
}
