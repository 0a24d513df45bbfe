import type {
  Aggregation,
  Basis,
  Direction,
  Grain,
  LintConfig,
  Measurement,
  Plan,
  PlanNode,
  Role,
  Target,
} from "@shihyo/engine";

/**
 * The plan as the editor's form holds it: every field as the text of its input ("" = not
 * written), parents by the node's key so that renaming a new node keeps its children. The
 * KPI file is made from it only to check and to save (`planFromDraft`).
 */
export interface Draft {
  name: string;
  /** "" = the default (April); else "1"…"12". */
  fiscalYearStart: string;
  timezone: string;
  weekStart: "" | "monday" | "sunday";
  locale: "" | "ja" | "en";
  nodes: DraftNode[];
  /** Kept as the file had them: the editor does not change them. */
  lint?: LintConfig;
  data?: Measurement[];
}

export interface DraftNode {
  /** Stable while editing: `saved:<id>` for a node the server has, `new:<n>` for one added here. */
  key: string;
  /** The id the server stores the node (and its data) under; null for a node added here. */
  savedId: string | null;
  id: string;
  role: Role;
  name: string;
  /** The parent's key; "" for a top-level node. */
  parent: string;
  definition: string;
  unit: string;
  direction: "" | Direction;
  rangeMin: string;
  rangeMax: string;
  cadence: "" | Grain;
  grain: "" | Grain;
  aggregation: "" | Aggregation;
  weight: string;
  formula: string;
  tolerance: string;
  owner: string;
  department: string;
  /** Comma-separated. */
  tags: string;
  targets: DraftTarget[];
}

export interface DraftTarget {
  period: string;
  value: string;
  baseline: string;
  basis: "" | Basis;
  note: string;
}

/** A problem the form finds before the engine can look: a number that is not one, a period twice. */
export interface DraftProblem {
  code: "notANumber" | "periodMissing" | "periodTwice" | "rangeIncomplete" | "nameMissing";
  /** The node's key; null for the plan's own fields. */
  key: string | null;
  /** The field as the form names it: `tolerance`, `range`, `targets`, `name`… */
  field: string;
  /** For targets: the row. */
  row?: number;
  /** The text that is not a number, or the period written twice. */
  text?: string;
}

export const savedKey = (id: string) => `saved:${id}`;

const text = (value: string | number | undefined) => (value === undefined ? "" : String(value));

export function draftFromPlan(plan: Plan): Draft {
  const keyOf = new Map(plan.nodes.map((node) => [node.id, savedKey(node.id)]));
  const draft: Draft = {
    name: plan.name,
    fiscalYearStart: text(plan.calendar?.fiscalYearStart),
    timezone: text(plan.calendar?.timezone),
    weekStart: plan.calendar?.weekStart ?? "",
    locale: plan.calendar?.locale ?? "",
    nodes: plan.nodes.map((node) => draftNode(node, keyOf)),
  };
  if (plan.lint !== undefined) draft.lint = plan.lint;
  if (plan.data !== undefined) draft.data = plan.data;
  return draft;
}

function draftNode(node: PlanNode, keyOf: ReadonlyMap<string, string>): DraftNode {
  return {
    key: savedKey(node.id),
    savedId: node.id,
    id: node.id,
    role: node.role,
    name: text(node.name),
    // A stored plan's parents exist; an unknown one is kept as written so the check names it.
    parent: node.parent === undefined ? "" : (keyOf.get(node.parent) ?? node.parent),
    definition: text(node.definition),
    unit: text(node.unit),
    direction: node.direction ?? "",
    rangeMin: text(node.range?.[0]),
    rangeMax: text(node.range?.[1]),
    cadence: node.cadence ?? "",
    grain: node.grain ?? "",
    aggregation: node.aggregation ?? "",
    weight: text(node.weight),
    formula: text(node.formula),
    tolerance: text(node.tolerance),
    owner: text(node.owner),
    department: text(node.department),
    tags: (node.tags ?? []).join(", "),
    targets: Object.entries(node.targets ?? {}).map(([period, target]) => ({
      period,
      value: text(target.value),
      baseline: text(target.baseline),
      basis: target.basis ?? "",
      note: text(target.note),
    })),
  };
}

/**
 * Reads a number as people type it: `1,500`, ` 0.25 `, `1e6`. Null when the text is not a
 * finite number. Empty text is not a number either; callers treat "" as "not written".
 */
export function readNumber(input: string): number | null {
  const cleaned = input.trim().replace(/,/g, "");
  if (cleaned === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/**
 * The KPI file the draft stands for, and what the form found wrong on the way. A field
 * whose text is not a number is left out of the plan (and reported), so the engine can
 * still check the rest. KSFs carry no numbers: their numeric fields are not written.
 */
export function planFromDraft(draft: Draft): { plan: Plan; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const idOf = new Map(draft.nodes.map((node) => [node.key, node.id]));
  if (draft.name.trim() === "") problems.push({ code: "nameMissing", key: null, field: "name" });

  // Keys in the file's order: version, name, calendar, nodes, lint, data.
  const plan = { version: 1, name: draft.name } as Plan;
  const calendar: NonNullable<Plan["calendar"]> = {};
  if (draft.fiscalYearStart !== "") {
    const month = readNumber(draft.fiscalYearStart);
    if (month === null)
      problems.push({ code: "notANumber", key: null, field: "fiscalYearStart", text: draft.fiscalYearStart });
    else calendar.fiscalYearStart = month;
  }
  if (draft.timezone !== "") calendar.timezone = draft.timezone;
  if (draft.weekStart !== "") calendar.weekStart = draft.weekStart;
  if (draft.locale !== "") calendar.locale = draft.locale;
  if (Object.keys(calendar).length > 0) plan.calendar = calendar;

  plan.nodes = draft.nodes.map((node) => {
    const out: PlanNode = { id: node.id, role: node.role };
    const number = (field: string, input: string): number | undefined => {
      if (input.trim() === "") return undefined;
      const value = readNumber(input);
      if (value === null) problems.push({ code: "notANumber", key: node.key, field, text: input });
      return value ?? undefined;
    };
    const put = <K extends keyof PlanNode>(field: K, value: PlanNode[K] | "" | undefined) => {
      if (value !== undefined && value !== "") out[field] = value as PlanNode[K];
    };
    const numeric = node.role !== "ksf";
    put("name", node.name);
    if (node.parent !== "") out.parent = idOf.get(node.parent) ?? node.parent;
    put("definition", node.definition);
    if (numeric) {
      put("unit", node.unit);
      put("direction", node.direction);
      const min = number("range", node.rangeMin);
      const max = number("range", node.rangeMax);
      if (min !== undefined && max !== undefined) out.range = [min, max];
      else if ((node.rangeMin.trim() === "") !== (node.rangeMax.trim() === ""))
        problems.push({ code: "rangeIncomplete", key: node.key, field: "range" });
      put("cadence", node.cadence);
      put("grain", node.grain);
      put("aggregation", node.aggregation);
      put("weight", node.weight);
      put("formula", node.formula);
      put("tolerance", number("tolerance", node.tolerance));
    }
    put("owner", node.owner);
    put("department", node.department);
    const tags = node.tags
      .split(",")
      .map((tag) => tag.trim())
      .filter((tag) => tag !== "");
    if (tags.length > 0) out.tags = tags;
    if (numeric && node.targets.length > 0) out.targets = targetsFromDraft(node, problems);
    return out;
  });
  if (draft.lint !== undefined) plan.lint = draft.lint;
  if (draft.data !== undefined) plan.data = draft.data;
  return { plan, problems };
}

function targetsFromDraft(node: DraftNode, problems: DraftProblem[]): Record<string, Target> {
  const entries: [string, Target][] = [];
  const seen = new Set<string>();
  node.targets.forEach((row, index) => {
    const at = { key: node.key, field: "targets", row: index };
    const period = row.period.trim();
    if (period === "") {
      problems.push({ code: "periodMissing", ...at });
      return;
    }
    if (seen.has(period)) {
      problems.push({ code: "periodTwice", ...at, text: period });
      return;
    }
    seen.add(period);
    const value = readNumber(row.value);
    if (value === null) {
      problems.push({ code: "notANumber", ...at, text: row.value });
      return;
    }
    const target: Target = { value };
    if (row.baseline.trim() !== "") {
      const baseline = readNumber(row.baseline);
      if (baseline === null) problems.push({ code: "notANumber", ...at, text: row.baseline });
      else target.baseline = baseline;
    }
    if (row.basis !== "") target.basis = row.basis;
    if (row.note !== "") target.note = row.note;
    entries.push([period, target]);
  });
  // fromEntries defines properties, so a period typed as "__proto__" stays a plain key.
  return Object.fromEntries(entries);
}
