/**
 * The tables as the store's queries see them (the migrations, frozen in time, do not use
 * this). Timestamps are ISO 8601 text in UTC; JSON is text.
 */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
  created_at: string;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface DepartmentsTable {
  id: string;
  org_id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  role: string;
  scopes: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginAttemptsTable {
  key: string;
  window_seconds: number;
  window_start: number;
  count: number;
  expires_at: number;
}

export interface PlansTable {
  id: string;
  org_id: string;
  name: string;
  calendar: string | null;
  lint: string | null;
  version: number;
  data_version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NodesTable {
  plan_id: string;
  node_id: string;
  position: number;
  role: string;
  name: string | null;
  parent_id: string | null;
  department: string | null;
  spec: string;
}

export interface TargetsTable {
  plan_id: string;
  node_id: string;
  period: string;
  position: number;
  value: number;
  baseline: number | null;
  basis: string | null;
  note: string | null;
  version: number;
  updated_at: string;
}

export interface TargetRevisionsTable {
  id: string;
  plan_id: string;
  node_id: string;
  period: string;
  old_value: number | null;
  new_value: number;
  reason: string;
  comment: string;
  user_id: string | null;
  token_id: string | null;
  at: string;
}

export interface ImportsTable {
  id: string;
  org_id: string;
  plan_id: string;
  source: string;
  user_id: string | null;
  token_id: string | null;
  row_count: number;
  inserted: number;
  updated: number;
  unchanged: number;
  at: string;
  /** The plan's data version after this import; null when it changed nothing (or predates it). */
  data_version: number | null;
}

export interface MeasurementsTable {
  plan_id: string;
  node_id: string;
  period: string;
  segment: string;
  value: number;
  source: string;
  import_id: string | null;
  updated_at: string;
}

export interface MeasurementHistoryTable {
  id: string;
  plan_id: string;
  node_id: string;
  period: string;
  segment: string;
  old_value: number | null;
  new_value: number;
  source: string;
  import_id: string | null;
  at: string;
}

export interface CommentsTable {
  id: string;
  org_id: string;
  plan_id: string;
  node_id: string;
  user_id: string | null;
  token_id: string | null;
  body: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  user_id: string | null;
  token_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  detail: string;
  at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  departments: DepartmentsTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  plans: PlansTable;
  nodes: NodesTable;
  targets: TargetsTable;
  target_revisions: TargetRevisionsTable;
  imports: ImportsTable;
  measurements: MeasurementsTable;
  measurement_history: MeasurementHistoryTable;
  comments: CommentsTable;
  audit_log: AuditLogTable;
}
