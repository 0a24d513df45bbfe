/**
 * The store's contract with the server and the CLI: what they may ask of the database.
 * Both dialects (SQLite, the embedded default, and PostgreSQL) implement exactly this.
 * Every method that changes data writes its audit-log entry in the same transaction.
 */
import type { Calendar, Measurement, Plan, Target } from "@shihyo/engine";

/** Which actuals to list: one node, a period range (ids compared as text), a page after a key. */
export interface MeasurementFilter {
  nodeId?: string;
  from?: string;
  to?: string;
  /** Only rows whose key (node, period, segment — "" for none) comes after this one. */
  after?: readonly [string, string, string];
  /** At most this many rows. */
  limit?: number;
}

export type Role = "owner" | "admin" | "editor" | "viewer";
export const ROLES: readonly Role[] = ["owner", "admin", "editor", "viewer"];

export type RevisionReason = "external" | "resources" | "misaligned" | "other";

/** Who is acting: a signed-in user or an API token, always within one organisation. */
export interface Actor {
  orgId: string;
  userId: string | null;
  tokenId: string | null;
  role: Role;
}

export interface Organization {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  locale: "ja" | "en" | null;
  createdAt: string;
}

export interface Membership {
  orgId: string;
  userId: string;
  role: Role;
  email: string;
  name: string;
}

export interface PlanSummary {
  id: string;
  orgId: string;
  name: string;
  /** Bumped on every change of the plan's structure or targets: the ETag. */
  version: number;
  /** Bumped on every change of the plan's measurements: lets a cache know it is stale. */
  dataVersion: number;
  /** The calendar as the KPI file gives it (fields it leaves out take the defaults); null when it has none. */
  calendar: Partial<Calendar> | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredTarget extends Target {
  nodeId: string;
  period: string;
  version: number;
  updatedAt: string;
}

export interface TargetRevision {
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

export interface StoredMeasurement extends Measurement {
  source: string;
  importId: string | null;
  updatedAt: string;
}

export interface IngestResult {
  inserted: number;
  updated: number;
  unchanged: number;
  importId: string;
}

export interface ApiToken {
  id: string;
  orgId: string;
  name: string;
  /** First characters of the token, to recognise it in lists (never the secret). */
  prefix: string;
  role: Role;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Comment {
  id: string;
  planId: string;
  nodeId: string;
  userId: string | null;
  body: string;
  createdAt: string;
}

/** A user an audit entry mentions, as they are now. */
export interface AuditUser {
  name: string;
  email: string;
}

export interface AuditEntry {
  id: string;
  orgId: string;
  userId: string | null;
  tokenId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
  at: string;
}

export interface Session {
  id: string;
  userId: string;
  orgId: string;
  csrfToken: string;
  expiresAt: string;
}

export interface Page {
  limit?: number;
  /** Opaque cursor from the previous page. */
  after?: string;
}

/** Which audit entries to list: any of these actions, by this user or token (all when absent). */
export interface AuditFilter {
  actions?: readonly string[];
  userId?: string;
  tokenId?: string;
}

/** Thrown by the store for conflicts the API maps to HTTP statuses. */
export type StoreErrorCode =
  | "not_found"
  | "conflict" // unique key taken (slug, email)
  | "stale_version" // If-Match did not match
  | "invalid" // e.g. a measurement for an unknown node
  | "last_owner"; // the change would leave the organisation without an owner

/**
 * The store. Every read is scoped by organisation (a caller can only ever reach its own
 * organisation's rows); every write takes the Actor and records an audit entry.
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
  close(): Promise<void>;
  /** Runs `fn` in one transaction; the Store passed in uses it. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  // organisations, users, memberships
  createOrganization(input: { slug: string; name: string }): Promise<Organization>;
  getOrganizationBySlug(slug: string): Promise<Organization | null>;
  listOrganizationsOfUser(userId: string): Promise<(Organization & { role: Role })[]>;
  countOrganizations(): Promise<number>;
  getOrganization(id: string): Promise<Organization | null>;
  /** Renames the actor's organisation (its slug stays: it is in URLs and scripts). */
  renameOrganization(actor: Actor, name: string): Promise<Organization>;
  /** Every organisation: for administration from the command line only (no API route lists them). */
  listOrganizations(): Promise<Organization[]>;
  createUser(input: {
    email: string;
    name: string;
    passwordHash: string;
    locale?: "ja" | "en" | null;
  }): Promise<User>;
  getUserByEmail(email: string): Promise<(User & { passwordHash: string }) | null>;
  getUser(id: string): Promise<User | null>;
  /** Changes the actor's own name and preferred language (audited in the actor's organisation). */
  updateUser(actor: Actor, input: { name?: string; locale?: "ja" | "en" | null }): Promise<User>;
  /** The user's stored password hash (to check a current password), or null when unknown. */
  getPasswordHash(userId: string): Promise<string | null>;
  /**
   * Sets the actor's password and ends every other session of theirs (in any organisation);
   * the session `keepSessionId` stays. Answers how many sessions ended.
   */
  setPassword(actor: Actor, input: { passwordHash: string; keepSessionId: string }): Promise<number>;
  /**
   * Sets the actor's own e-mail address (trimmed, lower-cased); a conflict when another user
   * has it. Audited as `user.email` in the actor's organisation.
   */
  setEmail(actor: Actor, email: string): Promise<User>;
  /** How many users the database has (none: the first run, see createFirstOwner). */
  countUsers(): Promise<number>;
  /**
   * The first run: an organisation and its owner, only while the database has no user at
   * all; null (nothing written) once it has one. Of two at the same time exactly one wins.
   */
  createFirstOwner(input: {
    organization: { slug: string; name: string };
    user: { email: string; name: string; passwordHash: string; locale?: "ja" | "en" | null };
  }): Promise<{ organization: Organization; user: User } | null>;
  addMembership(actor: Actor | null, input: { orgId: string; userId: string; role: Role }): Promise<void>;
  setMembershipRole(actor: Actor, input: { userId: string; role: Role }): Promise<void>;
  removeMembership(actor: Actor, userId: string): Promise<void>;
  listMemberships(orgId: string): Promise<Membership[]>;
  getMembership(orgId: string, userId: string): Promise<Membership | null>;

  // sessions (in the database so that several instances share them)
  createSession(input: { userId: string; orgId: string; ttlSeconds: number }): Promise<Session>;
  getSession(id: string): Promise<Session | null>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of the actor's user except `keepSessionId` ("sign out everywhere else"); answers how many. */
  deleteOtherSessions(actor: Actor, keepSessionId: string): Promise<number>;
  /** Removes every expired session (added: for a periodic clean-up job); answers how many. */
  deleteExpiredSessions(): Promise<number>;
  /** Counts a login attempt for a key (e-mail or IP) in a fixed window; answers the count so far. */
  countLoginAttempt(key: string, windowSeconds: number): Promise<number>;

  // API tokens: the secret is returned once by createApiToken and stored only as a hash
  createApiToken(
    actor: Actor,
    input: { name: string; role: Role; scopes: string[] },
  ): Promise<{ token: ApiToken; secret: string }>;
  /** Finds a live token by its secret (hashing it), updates last-used, or null if unknown/revoked. */
  authenticateApiToken(secret: string): Promise<ApiToken | null>;
  listApiTokens(orgId: string): Promise<ApiToken[]>;
  revokeApiToken(actor: Actor, id: string): Promise<void>;

  // plans: one KPI file each, stored as nodes and targets so that targets can be revised
  createPlan(actor: Actor, plan: Plan): Promise<PlanSummary>;
  listPlans(orgId: string): Promise<PlanSummary[]>;
  getPlanSummary(orgId: string, planId: string): Promise<PlanSummary | null>;
  /** The plan as a KPI file model (for export: writeKpiFile(plan) round-trips with the imported file). */
  getPlan(orgId: string, planId: string): Promise<{ summary: PlanSummary; plan: Plan } | null>;
  /** Replaces the plan's structure (nodes, calendar, lint) from a new file; keeps measurements of nodes that remain. */
  replacePlan(actor: Actor, planId: string, plan: Plan, ifVersion: number): Promise<PlanSummary>;
  deletePlan(actor: Actor, planId: string, ifVersion: number): Promise<void>;

  // targets and their revisions: a change never overwrites history
  listTargets(orgId: string, planId: string): Promise<StoredTarget[]>;
  setTarget(
    actor: Actor,
    input: {
      planId: string;
      nodeId: string;
      period: string;
      target: Target;
      reason: RevisionReason;
      comment: string;
      /** The target's current version (optimistic concurrency); null to create. */
      ifVersion: number | null;
    },
  ): Promise<StoredTarget>;
  listTargetRevisions(orgId: string, planId: string, nodeId?: string): Promise<TargetRevision[]>;

  // measurements: all-or-nothing, idempotent; a changed value keeps the old one in the history
  ingestMeasurements(
    actor: Actor,
    input: { planId: string; rows: Measurement[]; source: string },
  ): Promise<IngestResult>;
  /** A plan's actuals in key order (node, period, segment by code points), filtered and paged. */
  listMeasurements(orgId: string, planId: string, filter?: MeasurementFilter): Promise<StoredMeasurement[]>;
  /**
   * The segments each node (or the one node) has actuals by, over every period; nodes and
   * names in code-point order, only nodes with a segment. Empty for another organisation's plan.
   */
  listSegments(
    orgId: string,
    planId: string,
    filter?: { nodeId?: string },
  ): Promise<{ node: string; segments: string[] }[]>;
  /**
   * The actuals the plan's imports wrote after data version `since` (their current values)
   * and the plan's data version now; null when imports do not account for every version in
   * between, or the plan is not the organisation's: then read everything.
   */
  measurementsChangedSince(
    orgId: string,
    planId: string,
    since: number,
  ): Promise<{ rows: StoredMeasurement[]; dataVersion: number } | null>;
  measurementHistory(
    orgId: string,
    planId: string,
    nodeId: string,
  ): Promise<
    {
      period: string;
      segment: string;
      oldValue: number | null;
      newValue: number;
      at: string;
      source: string;
    }[]
  >;

  // comments and audit
  addComment(actor: Actor, input: { planId: string; nodeId: string; body: string }): Promise<Comment>;
  listComments(orgId: string, planId: string, nodeId?: string): Promise<Comment[]>;
  /**
   * The audit log, newest first; `users` names every user the page's entries mention (who
   * acted, and users acted on), also those no longer in the organisation.
   */
  listAudit(
    orgId: string,
    page?: Page & AuditFilter,
  ): Promise<{ entries: AuditEntry[]; next: string | null; users: Record<string, AuditUser> }>;
}
