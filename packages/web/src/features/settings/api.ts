import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import i18n from "i18next";
import { apiRequest, type RequestOptions } from "../../api/client";
import type { PlanNode, Role, Session } from "../../api/types";
import type { AuditEntry, AuditPerson } from "./auditEntry";

/** The settings page's and the first run's calls (shapes as in the server's `routes/schemas.ts`). */

export interface Organization {
  id: string;
  slug: string | null;
  name: string | null;
  role: Role;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The scopes a token may be limited to (the server's `auth/scopes.ts`). */
export const TOKEN_SCOPES = [
  "read",
  "measurements:write",
  "targets:write",
  "plans:write",
  "comments:write",
  "admin",
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface FirstRunBody {
  organization: { name: string };
  user: { email: string; name: string; password: string; locale: "ja" | "en" };
}

const SESSION_KEY = ["session"];
const KEYS = {
  setup: ["setup"],
  organization: ["settings", "organization"],
  members: ["settings", "members"],
  tokens: ["settings", "tokens"],
  audit: ["settings", "audit"],
} as const;

const get = <T>(path: string, signal?: AbortSignal) =>
  apiRequest<T>(path, { language: i18n.language, signal });

/**
 * A write with the session's CSRF token, in the user's language. Every write here leaves an
 * audit entry: once it is done, the log is read again when next shown.
 */
async function write<T>(
  client: QueryClient,
  path: string,
  options: Omit<RequestOptions, "language" | "csrfToken">,
): Promise<T> {
  const session = client.getQueryData<Session | null>(SESSION_KEY);
  const answer = await apiRequest<T>(path, {
    ...options,
    csrfToken: session?.csrfToken,
    language: i18n.language,
  });
  void client.invalidateQueries({ queryKey: KEYS.audit });
  return answer;
}

/** Whether the server waits for its first organisation and owner. */
export const useSetupStatus = () =>
  useQuery({
    queryKey: KEYS.setup,
    queryFn: ({ signal }) => get<{ needed: boolean }>("/setup", signal),
    staleTime: 0,
  });

/** The first run: creates the organisation and its owner, who is then signed in. */
export async function setUpFirstOwner(client: QueryClient, body: FirstRunBody): Promise<Session> {
  const session = await apiRequest<Session>("/setup", { method: "POST", body, language: i18n.language });
  client.setQueryData(KEYS.setup, { needed: false });
  client.setQueryData(SESSION_KEY, session);
  return session;
}

export const useOrganization = () =>
  useQuery({
    queryKey: KEYS.organization,
    queryFn: ({ signal }) => get<Organization>("/orgs/current", signal),
  });

export function useRenameOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      write<Organization>(client, "/orgs/current", { method: "PATCH", body: { name } }),
    onSuccess: (organization) => {
      client.setQueryData(KEYS.organization, organization);
      client.setQueryData<Session | null>(SESSION_KEY, (session) =>
        session ? { ...session, org: { ...session.org, name: organization.name } } : session,
      );
    },
  });
}

export const useMembers = () =>
  useQuery({ queryKey: KEYS.members, queryFn: ({ signal }) => get<Member[]>("/members", signal) });

export function useAddMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name?: string; password?: string; role: Role }) =>
      write<Member>(client, "/members", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.members }),
  });
}

export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      write<Member>(client, `/members/${encodeURIComponent(userId)}`, { method: "PATCH", body: { role } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.members }),
  });
}

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      write<void>(client, `/members/${encodeURIComponent(userId)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.members }),
  });
}

export const useTokens = (enabled: boolean) =>
  useQuery({
    queryKey: KEYS.tokens,
    queryFn: ({ signal }) => get<ApiToken[]>("/tokens", signal),
    enabled,
  });

/** Creates a token; its secret is in this answer only and is never put in the query cache. */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; role: Role; scopes: TokenScope[] }) =>
      write<{ token: ApiToken; secret: string }>(client, "/tokens", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      write<void>(client, `/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.tokens }),
  });
}

/** The signed-in person's name and preferred language; the answer is the new session document. */
export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: "ja" | "en" | null }) =>
      write<Session>(client, "/session/user", { method: "PATCH", body }),
    onSuccess: (session) => {
      client.setQueryData(SESSION_KEY, session);
      void client.invalidateQueries({ queryKey: KEYS.members });
    },
  });
}

/** Changes the password; the server ends every other session of the user (this one stays). */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      write<void>(client, "/session/password", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** "Sign out on all other devices": answers how many sessions ended. */
export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => write<{ ended: number }>(client, "/sessions", { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/**
 * Changes the signed-in person's e-mail (the current password confirms it is them); the
 * answer is the new session document, so the page and the header show the new address.
 */
export function useChangeEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      write<Session>(client, "/session/email", { method: "POST", body }),
    onSuccess: (session) => {
      client.setQueryData(SESSION_KEY, session);
      void client.invalidateQueries({ queryKey: KEYS.members });
    },
  });
}

/** The audit log's filters: some actions, and one member or one token (at most one of the two). */
export interface AuditFilter {
  actions: readonly string[] | null;
  userId: string | null;
  tokenId: string | null;
}

const AUDIT_PAGE = 50;

/** The audit log, newest first, page after page (`after` is the server's cursor). */
export function auditPath(filter: AuditFilter, after: string | null): string {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE) });
  if (filter.actions) params.set("action", filter.actions.join(","));
  if (filter.userId) params.set("userId", filter.userId);
  if (filter.tokenId) params.set("tokenId", filter.tokenId);
  if (after) params.set("after", after);
  return `/audit?${params.toString()}`;
}

export const useAuditLog = (filter: AuditFilter, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: [...KEYS.audit, filter.actions?.join(",") ?? "", filter.userId ?? "", filter.tokenId ?? ""],
    queryFn: ({ signal, pageParam }) =>
      get<{ entries: AuditEntry[]; next: string | null; users: Record<string, AuditPerson> }>(
        auditPath(filter, pageParam),
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled,
    staleTime: 0,
  });

/**
 * The nodes of several plans, to name the KPIs the audit log mentions. The key is the one the
 * rest of the app uses for a plan's nodes (`api/queries.ts`), so a plan already open is not
 * asked for again.
 */
export const usePlansNodes = (planIds: readonly string[]) =>
  useQueries({
    queries: planIds.map((planId) => ({
      queryKey: ["nodes", planId],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        get<PlanNode[]>(`/plans/${encodeURIComponent(planId)}/nodes`, signal),
    })),
    // Only the lists, in the order asked (undefined until loaded); the same array while they stay.
    combine: (results) => results.map((result) => result.data),
  });
