import { type QueryClient, useQueries, useQuery } from "@tanstack/react-query";
import i18n from "i18next";
import { apiRequest } from "../../api/client";
import type { NodeEvaluation, PlanNode, Role } from "../../api/types";
import type { ConsistencyRow, SolveAnswer } from "./consistencyGaps";

/** The server's answers this page reads (see the server's routes/schemas.ts and seriesRoutes.ts). */

export interface DetailNode extends PlanNode {
  cadence: string | null;
  grain: string;
  aggregation: string;
  measured: boolean;
  computed: boolean;
}

export interface SeriesPoint extends Omit<NodeEvaluation, "id"> {
  period: string;
  expectedMethod: string | null;
  elapsedShare: number | null;
  reason: string | null;
}

export interface Series {
  from: string;
  to: string;
  asOf: string;
  periods: string[];
  nodes: { id: string; points: SeriesPoint[] }[];
}

export interface Explanation {
  node: string;
  period: string;
  asOf: string;
  value: number | null;
  kind: "measured" | "computed" | "none";
  grain: string | null;
  aggregation: string | null;
  records: number | null;
  coverage: number | null;
  formula: string | null;
  inputs: { id: string; period: string; value: number | null }[];
  modeled: number | null;
  reason: string | null;
  target: {
    value: number | null;
    source: "set" | "rollup" | "formula" | null;
    derived: boolean;
    from: { id: string; period: string; value: number | null }[];
  };
  forecast: { value: number | null; method: string | null };
}

export type RevisionReason = "external" | "resources" | "misaligned" | "other";
export const REVISION_REASONS: readonly RevisionReason[] = ["external", "resources", "misaligned", "other"];

export interface StoredTarget {
  nodeId: string;
  period: string;
  value: number;
  baseline?: number;
  basis?: "past" | "benchmark" | "stretch";
  note?: string;
  version: number;
  updatedAt: string;
}

export interface Revision {
  id: string;
  nodeId: string;
  period: string;
  oldValue: number | null;
  newValue: number;
  reason: RevisionReason;
  comment: string;
  userId: string | null;
  at: string;
}

export interface Finding {
  rule: string;
  severity: "error" | "warning" | "info";
  node: string | null;
  period: string | null;
  message: string;
  fix: string | null;
}

export interface CheckDocument {
  ok: boolean;
  findings: Finding[];
  consistency: ConsistencyRow[];
}

export interface Comment {
  id: string;
  nodeId: string;
  userId: string | null;
  body: string;
  createdAt: string;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

const get = <T>(path: string, signal?: AbortSignal) =>
  apiRequest<T>(path, { language: i18n.language, signal });
const plan = (planId: string) => `/plans/${encodeURIComponent(planId)}`;
const q = encodeURIComponent;

export const useDetailNodes = (planId: string | undefined) =>
  useQuery({
    queryKey: ["nodes", planId],
    queryFn: ({ signal }) => get<DetailNode[]>(`${plan(planId!)}/nodes`, signal),
    enabled: planId !== undefined,
  });

export const useSeries = (
  planId: string | undefined,
  nodeId: string,
  range: { from: string; to: string } | undefined,
) =>
  useQuery({
    queryKey: ["series", planId, nodeId, range?.from, range?.to],
    queryFn: ({ signal }) =>
      get<Series>(
        `${plan(planId!)}/series?from=${q(range!.from)}&to=${q(range!.to)}&node=${q(nodeId)}`,
        signal,
      ),
    enabled: planId !== undefined && range !== undefined,
    placeholderData: (previous) => previous,
  });

export const useExplanation = (planId: string | undefined, nodeId: string, period: string | undefined) =>
  useQuery({
    queryKey: ["explain", planId, nodeId, period],
    queryFn: ({ signal }) =>
      get<Explanation>(`${plan(planId!)}/explain?node=${q(nodeId)}&period=${q(period!)}`, signal),
    enabled: planId !== undefined && period !== undefined,
  });

export const useTargets = (planId: string | undefined) =>
  useQuery({
    queryKey: ["targets", planId],
    queryFn: ({ signal }) => get<StoredTarget[]>(`${plan(planId!)}/targets`, signal),
    enabled: planId !== undefined,
  });

export const useRevisions = (planId: string | undefined, nodeId: string) =>
  useQuery({
    queryKey: ["revisions", planId, nodeId],
    queryFn: ({ signal }) => get<Revision[]>(`${plan(planId!)}/targets/${q(nodeId)}/revisions`, signal),
    enabled: planId !== undefined,
  });

/** The check document in the user's language (the language is part of the key). */
export const useFindings = (planId: string | undefined) =>
  useQuery({
    queryKey: ["findings", planId, i18n.language],
    queryFn: ({ signal }) => get<CheckDocument>(`${plan(planId!)}/findings`, signal),
    enabled: planId !== undefined,
  });

export const useComments = (planId: string | undefined, nodeId: string) =>
  useQuery({
    queryKey: ["comments", planId, nodeId],
    queryFn: ({ signal }) => get<Comment[]>(`${plan(planId!)}/nodes/${q(nodeId)}/comments`, signal),
    enabled: planId !== undefined,
  });

export const useMembers = () =>
  useQuery({
    queryKey: ["members"],
    queryFn: ({ signal }) => get<Member[]>("/members", signal),
    staleTime: 5 * 60_000,
  });

/** The lever's target that closes each gap (GET …/solve), one query per gap. */
export const useSolves = (planId: string | undefined, lever: string, gaps: readonly ConsistencyRow[]) =>
  useQueries({
    queries: gaps.map((gap) => ({
      queryKey: ["solve", planId, gap.node, lever, gap.period, i18n.language],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        get<SolveAnswer>(
          `${plan(planId!)}/solve?node=${q(gap.node)}&for=${q(lever)}&period=${q(gap.period)}`,
          signal,
        ),
      enabled: planId !== undefined,
    })),
  });

export interface TargetWrite {
  planId: string;
  nodeId: string;
  period: string;
  value: number;
  reason: RevisionReason;
  comment: string;
  /** The target as stored now (its version goes in If-Match; baseline, basis and note are kept); none to create. */
  current: StoredTarget | undefined;
  csrfToken: string | null;
}

/** Sets or revises a target; the server keeps the old one in the history. */
export function writeTarget({
  planId,
  nodeId,
  period,
  value,
  reason,
  comment,
  current,
  csrfToken,
}: TargetWrite) {
  const kept = {
    ...(current?.baseline !== undefined ? { baseline: current.baseline } : {}),
    ...(current?.basis !== undefined ? { basis: current.basis } : {}),
    ...(current?.note !== undefined ? { note: current.note } : {}),
  };
  return apiRequest<StoredTarget>(`${plan(planId)}/targets/${q(nodeId)}/${q(period)}`, {
    method: "PATCH",
    body: { value, ...kept, reason, comment },
    headers: current ? { "if-match": `"${current.version}"` } : {},
    csrfToken,
    language: i18n.language,
  });
}

export function addComment(options: {
  planId: string;
  nodeId: string;
  body: string;
  csrfToken: string | null;
}) {
  return apiRequest<Comment>(`${plan(options.planId)}/nodes/${q(options.nodeId)}/comments`, {
    method: "POST",
    body: { body: options.body },
    csrfToken: options.csrfToken,
    language: i18n.language,
  });
}

/**
 * After a target changes, everything computed from the plan may change: the dashboard's and
 * the tree's evaluations, this page's series, findings and solves, and the plan's versions.
 */
export function invalidatePlan(client: QueryClient, planId: string): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => query.queryKey[0] === "plans" || query.queryKey.includes(planId),
  });
}
