/** The shapes of the server's answers that the web app reads (see the server's `routes/schemas.ts`). */

export type Role = "owner" | "admin" | "editor" | "viewer";

export interface Session {
  user: { id: string; email: string; name: string; locale: "ja" | "en" | null } | null;
  org: { id: string; slug: string | null; name: string | null; role: Role };
  role: Role;
  csrfToken: string | null;
  expiresAt: string | null;
  via: "session" | "token";
}

export interface PlanSummary {
  id: string;
  name: string;
  version: number;
  dataVersion: number;
  /** The plan's calendar, defaults filled in. */
  calendar: {
    fiscalYearStart: number;
    timezone: string;
    weekStart: "monday" | "sunday";
    locale: "ja" | "en";
  };
}

export interface PlanNode {
  id: string;
  role: "kgi" | "ksf" | "kpi";
  name?: string;
  parent?: string;
  unit?: string;
  direction?: "up" | "down" | "range";
  formula?: string;
  department?: string;
  owner?: string;
  definition?: string;
}

export interface NodeEvaluation {
  id: string;
  actual: number | null;
  target: number | null;
  derivedTarget: boolean;
  progress: number | null;
  expectedToDate: number | null;
  forecast: number | null;
  forecastMethod: string | null;
  status: string;
  coverage: number | null;
}

export interface Evaluation {
  period: string;
  asOf: string;
  nodes: NodeEvaluation[];
}

/** The KPI file's calendar, as the plan export gives it. */
export interface PlanFile {
  name: string;
  calendar?: { fiscalYearStart?: number; timezone?: string; locale?: "ja" | "en" };
}

/** A linter finding, as the `check --json` document (and `GET …/findings`) gives it. */
export interface Finding {
  rule: string;
  severity: "error" | "warning" | "info";
  node: string | null;
  period: string | null;
  message: string;
  fix: string | null;
}

/** The `check --json` document: findings (messages in the language asked for) and consistency rows. */
export interface CheckDocument {
  ok: boolean;
  findings: Finding[];
  consistency: {
    node: string;
    period: string;
    target: number | null;
    implied: number | null;
    gap: number | null;
    gapRatio: number | null;
    consistent: boolean;
  }[];
}

/** `GET …/series`: each node's numbers period by period (the fields of an evaluation's node). */
export interface SeriesDocument {
  from: string;
  to: string;
  asOf: string;
  periods: string[];
  nodes: { id: string; points: ({ period: string } & Omit<NodeEvaluation, "id">)[] }[];
}
