import { useQuery } from "@tanstack/react-query";
import i18n from "i18next";
import { apiRequest } from "../../api/client";
import { useSession } from "../../api/queries";
import type { Evaluation } from "../../api/types";
import type { ConsistencyRow } from "./gapsByNode";

/** The answers the tree page reads besides the nodes and the evaluation (see the server's `routes/schemas.ts`). */

export interface CheckDocument {
  ok: boolean;
  findings: { rule: string; severity: string; node: string | null; period: string | null; message: string }[];
  consistency: ConsistencyRow[];
}

export interface Lever {
  id: string;
  value: number | null;
  elasticity: number | null;
  impactOf10pct: number | null;
  requiredValue: number | null;
  requiredChange: number | null;
}

export interface SensitivityDocument {
  node: string;
  period: string;
  basis: string;
  value: number | null;
  target: number | null;
  levers: Lever[];
}

export interface SolveDocument {
  node: string;
  for: string;
  period: string;
  value: number | null;
  monthly?: Record<string, number | null>;
  unique: boolean;
  solutions?: (number | null)[];
  note?: string;
}

export interface WhatIfChange {
  id: string;
  base: number | null;
  value: number | null;
  difference: number | null;
}

export interface WhatIfDocument extends Evaluation {
  changes: WhatIfChange[];
}

const plan = (id: string) => `/plans/${encodeURIComponent(id)}`;
const get = <T>(path: string, signal: AbortSignal) =>
  apiRequest<T>(path, { language: i18n.language, signal });

/** Linter findings and consistency rows (the check document). */
export const useFindings = (planId: string | undefined) =>
  useQuery({
    queryKey: ["findings", planId, i18n.language],
    queryFn: ({ signal }) => get<CheckDocument>(`${plan(planId!)}/findings`, signal),
    enabled: planId !== undefined,
  });

/** A computed node's levers, ranked by the impact of raising each by 10 % (actuals to date). */
export const useSensitivity = (
  planId: string | undefined,
  node: string | undefined,
  period: string | undefined,
) =>
  useQuery({
    queryKey: ["sensitivity", planId, node, period],
    queryFn: ({ signal }) =>
      get<SensitivityDocument>(
        `${plan(planId!)}/sensitivity?node=${encodeURIComponent(node!)}&period=${encodeURIComponent(period!)}`,
        signal,
      ),
    enabled: planId !== undefined && node !== undefined && period !== undefined,
  });

export interface SolveQuestion {
  node: string;
  lever: string;
  period: string;
}

/** The value `lever` needs (other inputs at their targets) for `node` to meet its target; asked on demand. */
export const useSolve = (planId: string | undefined, question: SolveQuestion | null) =>
  useQuery({
    queryKey: ["solve", planId, question?.node, question?.lever, question?.period, i18n.language],
    queryFn: ({ signal }) =>
      get<SolveDocument>(
        `${plan(planId!)}/solve?node=${encodeURIComponent(question!.node)}&for=${encodeURIComponent(
          question!.lever,
        )}&period=${encodeURIComponent(question!.period)}`,
        signal,
      ),
    enabled: planId !== undefined && question !== null,
  });

/**
 * The period's evaluation with some actuals replaced. A POST (the values are a body) that
 * writes nothing, so it is cached like a query; it needs the session's CSRF token.
 */
export function useWhatIf(
  planId: string | undefined,
  period: string | undefined,
  values: Record<string, number>,
) {
  const csrfToken = useSession().data?.csrfToken;
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  return useQuery({
    queryKey: ["what-if", planId, period, entries],
    queryFn: ({ signal }) =>
      apiRequest<WhatIfDocument>(`${plan(planId!)}/what-if`, {
        method: "POST",
        body: { period, values: Object.fromEntries(entries) },
        csrfToken,
        language: i18n.language,
        signal,
      }),
    enabled: planId !== undefined && period !== undefined && entries.length > 0,
    placeholderData: (previous) => previous,
  });
}
