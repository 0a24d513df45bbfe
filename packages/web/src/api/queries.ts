import { QueryCache, QueryClient, useQuery } from "@tanstack/react-query";
import i18n from "i18next";
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

/** Who is signed in; null when nobody is. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await get<Session>("/session", signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

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

/**
 * Asks for the plan list while the session is still being checked: the first page then
 * needs one round trip fewer. Without a session it answers 401, which signs out (as it should).
 */
export const prefetchPlans = (client: QueryClient) => client.prefetchQuery(plansQuery);

/** The plan's KPI file (its calendar and everything else, as the file says it). */
export const usePlanFile = (planId: string | undefined) =>
  useQuery({
    queryKey: ["plan-file", planId],
    queryFn: ({ signal }) =>
      get<PlanFile>(`/plans/${encodeURIComponent(planId!)}/export?format=json`, signal),
    enabled: planId !== undefined,
    staleTime: 5 * 60_000,
  });

export const usePlanNodes = (planId: string | undefined) =>
  useQuery({
    queryKey: ["nodes", planId],
    queryFn: ({ signal }) => get<PlanNode[]>(`/plans/${encodeURIComponent(planId!)}/nodes`, signal),
    enabled: planId !== undefined,
  });

/** The numbers of every node for a period, as of today in the plan's time zone (the server's default). */
export const useEvaluation = (planId: string | undefined, period: string | undefined) =>
  useQuery({
    queryKey: ["evaluation", planId, period],
    queryFn: ({ signal }) =>
      get<Evaluation>(
        `/plans/${encodeURIComponent(planId!)}/evaluation?period=${encodeURIComponent(period!)}`,
        signal,
      ),
    enabled: planId !== undefined && period !== undefined,
    placeholderData: (previous) => previous,
  });

/** The plan's linter findings and consistency rows (messages in the UI's language). */
export const useFindings = (planId: string | undefined) =>
  useQuery({
    queryKey: ["findings", planId, i18n.language],
    queryFn: ({ signal }) => get<CheckDocument>(`/plans/${encodeURIComponent(planId!)}/findings`, signal),
    enabled: planId !== undefined,
  });

/** Every node's numbers month by month from `from` to `to` (month ids): the dashboard's trends. */
export const useSeries = (planId: string | undefined, range: { from: string; to: string } | undefined) =>
  useQuery({
    queryKey: ["series", planId, range?.from, range?.to],
    queryFn: ({ signal }) =>
      get<SeriesDocument>(
        `/plans/${encodeURIComponent(planId!)}/series?from=${range!.from}&to=${range!.to}`,
        signal,
      ),
    enabled: planId !== undefined && range !== undefined,
    placeholderData: (previous) => previous,
  });
