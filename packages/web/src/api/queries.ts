import { QueryCache, QueryClient, useQuery } from "@tanstack/react-query";
import i18n from "i18next";
import { selectPlanAndPeriod } from "../app/selection";
import { periodId, trendRange } from "../format/fiscalPeriod";
import { ApiError, apiRequest } from "./client";
import type {
  CheckDocument,
  Evaluation,
  PlanFile,
  PlanNode,
  PlanSummary,
  SeriesDocument,
  Session,
} from "./types";

const SESSION_KEY = ["session"] as const;

const get = <T>(path: string, signal?: AbortSignal) =>
  apiRequest<T>(path, { language: i18n.language, signal });

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A 401 on any query means the session ended: show the sign-in page.
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) client.setQueryData(SESSION_KEY, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

const sessionQuery = {
  queryKey: SESSION_KEY,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Session | null> => {
    try {
      return await get<Session>("/session", signal);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
};

/** Who is signed in; null when nobody is. */
export const useSession = () => useQuery(sessionQuery);

export async function signIn(client: QueryClient, email: string, password: string): Promise<Session> {
  const session = await apiRequest<Session>("/session", {
    method: "POST",
    body: { email, password },
    language: i18n.language,
  });
  client.setQueryData(SESSION_KEY, session);
  return session;
}

export async function signOut(client: QueryClient): Promise<void> {
  const session = client.getQueryData<Session | null>(SESSION_KEY);
  try {
    await apiRequest<void>("/session", {
      method: "DELETE",
      csrfToken: session?.csrfToken,
      language: i18n.language,
    });
  } finally {
    // Signed out first (the signed-in pages unmount), then forget the plan data. Not clear():
    // mounted observers would keep the removed session query and miss the change.
    client.setQueryData(SESSION_KEY, null);
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  }
}

const plansQuery = {
  queryKey: ["plans"],
  queryFn: ({ signal }: { signal: AbortSignal }) => get<PlanSummary[]>("/plans", signal),
};

export const usePlans = () => useQuery(plansQuery);

/** The plan's KPI file (its calendar and everything else, as the file says it). */
export const usePlanFile = (planId: string | undefined) =>
  useQuery({
    queryKey: ["plan-file", planId],
    queryFn: ({ signal }) =>
      get<PlanFile>(`/plans/${encodeURIComponent(planId!)}/export?format=json`, signal),
    enabled: planId !== undefined,
    staleTime: 5 * 60_000,
  });

const nodesQuery = (planId: string) => ({
  queryKey: ["nodes", planId],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<PlanNode[]>(`/plans/${encodeURIComponent(planId)}/nodes`, signal),
});

const evaluationQuery = (planId: string, period: string) => ({
  queryKey: ["evaluation", planId, period],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<Evaluation>(
      `/plans/${encodeURIComponent(planId)}/evaluation?period=${encodeURIComponent(period)}`,
      signal,
    ),
});

const findingsQuery = (planId: string, language: string) => ({
  queryKey: ["findings", planId, language],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<CheckDocument>(`/plans/${encodeURIComponent(planId)}/findings`, signal),
});

const seriesQuery = (planId: string, range: { from: string; to: string }) => ({
  queryKey: ["series", planId, range.from, range.to],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<SeriesDocument>(
      `/plans/${encodeURIComponent(planId)}/series?from=${range.from}&to=${range.to}`,
      signal,
    ),
});

export const usePlanNodes = (planId: string | undefined) =>
  useQuery({ ...nodesQuery(planId ?? ""), enabled: planId !== undefined });

/** The numbers of every node for a period, as of today in the plan's time zone (the server's default). */
export const useEvaluation = (planId: string | undefined, period: string | undefined) =>
  useQuery({
    ...evaluationQuery(planId ?? "", period ?? ""),
    enabled: planId !== undefined && period !== undefined,
    placeholderData: (previous) => previous,
  });

/** The plan's linter findings and consistency rows (messages in the UI's language). */
export const useFindings = (planId: string | undefined) =>
  useQuery({ ...findingsQuery(planId ?? "", i18n.language), enabled: planId !== undefined });

/** Every node's numbers month by month from `from` to `to` (month ids): the dashboard's trends. */
export const useSeries = (planId: string | undefined, range: { from: string; to: string } | undefined) =>
  useQuery({
    ...seriesQuery(planId ?? "", range ?? { from: "", to: "" }),
    enabled: planId !== undefined && range !== undefined,
    placeholderData: (previous) => previous,
  });

/**
 * Starts the first page's requests as early as possible — called before React renders
 * anything: the session and the plan list (index.html has asked for both while the scripts
 * loaded), then — on the dashboard — its nodes, numbers, findings and trends as soon as the
 * plan and period are known. Without a session the plan list answers 401, which signs out (as
 * it should). Settles when the session and, on the dashboard, its nodes and numbers have (never
 * rejects: a failure is kept in the query's state and shown by the page).
 */
export async function prefetchFirstPage(client: QueryClient, url: URL, now: Date): Promise<void> {
  const session = client.prefetchQuery(sessionQuery);
  let plans: PlanSummary[];
  try {
    plans = await client.fetchQuery(plansQuery);
  } catch {
    return;
  }
  const selected = url.pathname === "/" ? selectPlanAndPeriod(plans, url.searchParams, now) : null;
  if (selected) {
    const { plan, calendar, period } = selected;
    const first = [
      client.prefetchQuery(nodesQuery(plan.id)),
      client.prefetchQuery(evaluationQuery(plan.id, periodId(period))),
    ];
    void client.prefetchQuery(findingsQuery(plan.id, i18n.language));
    void client.prefetchQuery(seriesQuery(plan.id, trendRange(period, calendar)));
    await Promise.all(first);
  }
  await session;
}
