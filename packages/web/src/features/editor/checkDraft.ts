import { findCycle, type Lang, modelMessages, type Plan, preparePlan } from "@shihyo/engine";
import { fillText } from "../../i18n/catalog";
import { referencedIds } from "./editTree";
import type { Draft, DraftProblem } from "./planDraft";
import { planFromDraft } from "./planDraft";
import { editorTexts } from "./texts";

/** A problem shown next to one field of the form. */
export interface FieldIssue {
  /** The node's key; null for the plan's own fields (name, calendar) and the file as a whole. */
  key: string | null;
  /**
   * The form's field: a node's `id`, `formula`, `targets`… or the plan's `name`,
   * `fiscalYearStart`, `timezone`, `weekStart`, `locale`; `file` for anything else.
   */
  field: string;
  /** The target row, for `targets`. */
  row?: number;
  /** Where in the formula the problem starts (0-based), when known. */
  offset?: number;
  message: string;
  /** Found while typing, or sent back by the server on saving. */
  source: "check" | "server";
}

type Segment = string | number;

const CALENDAR_FIELDS = new Set(["fiscalYearStart", "timezone", "weekStart", "locale"]);

/**
 * Where a path into the KPI file (`["nodes", 3, "targets", "FY2026-Q1"]`) lands in the form.
 * `keys[i]` is the key of the file's i-th node: the file was made from the draft in order.
 */
export function fieldOfPath(
  path: readonly Segment[],
  keys: readonly string[],
  draft: Draft,
  code?: string,
): Pick<FieldIssue, "key" | "field" | "row"> {
  const [head, index, field, period] = path;
  if (head === "nodes" && typeof index === "number" && keys[index] !== undefined) {
    const key = keys[index]!;
    if (field === "targets" && typeof period === "string") {
      const node = draft.nodes.find((n) => n.key === key);
      const row = node?.targets.findIndex((t) => t.period.trim() === period) ?? -1;
      return row >= 0 ? { key, field, row } : { key, field };
    }
    return { key, field: typeof field === "string" ? field : "id" };
  }
  if (head === "name") return { key: null, field: "name" };
  if (head === "calendar") {
    // preparePlan reports a bad calendar on `calendar`; its code names the field (calendar.badTimezone).
    const named = typeof index === "string" ? index : /^calendar\.bad(\w+)$/.exec(code ?? "")?.[1];
    const fieldName = named ? named[0]!.toLowerCase() + named.slice(1) : "";
    return { key: null, field: CALENDAR_FIELDS.has(fieldName) ? fieldName : "fiscalYearStart" };
  }
  return { key: null, field: "file" };
}

/** `nodes[3].targets.FY2026-Q1.value` or `nodes[3].targets["a b"]` (the engine's path text) as segments. */
export function parsePath(text: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/gy;
  let match: RegExpExecArray | null = pattern.exec(text);
  while (match !== null) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else segments.push(match[3]!);
    if (pattern.lastIndex >= text.length) break;
    match = pattern.exec(text);
  }
  return segments;
}

/** One of the form's own problems, in words. */
export function describeProblem(problem: DraftProblem, lang: Lang): string {
  return fillText(editorTexts[lang].problems[problem.code], { text: problem.text ?? "" });
}

export interface DraftCheck {
  /** The KPI file the draft makes (fields that are not numbers left out). */
  plan: Plan;
  issues: FieldIssue[];
}

/**
 * Everything wrong with the draft, as the engine sees it (the same checks the server makes
 * when saving), placed on the form's fields: unknown ids with the closest one, formula
 * syntax with its position, loops of formulas on every node of the loop.
 */
export function checkDraft(draft: Draft, lang: Lang): DraftCheck {
  const { plan, problems } = planFromDraft(draft);
  const keys = draft.nodes.map((node) => node.key);
  const issues: FieldIssue[] = problems.map((problem) => ({
    key: problem.key,
    field: problem.field,
    ...(problem.row === undefined ? {} : { row: problem.row }),
    message: describeProblem(problem, lang),
    source: "check",
  }));
  const prepared = preparePlan(plan);
  if (prepared.ok) return { plan, issues };
  for (const issue of prepared.issues) {
    if (issue.code === "plan.formulaCycle") {
      issues.push(...(cycleIssues(draft, lang) ?? [placed(issue.path, issue.code, issue.text(lang))]));
      continue;
    }
    const item = placed(issue.path, issue.code, issue.text(lang));
    if (issue.offset !== undefined && issue.offset >= 0) item.offset = issue.offset;
    issues.push(item);
  }
  return { plan, issues };

  function placed(path: readonly Segment[], code: string, message: string): FieldIssue {
    return { ...fieldOfPath(path, keys, draft, code), message, source: "check" };
  }
}

/** A loop of formulas, reported on the formula of every node in it (the engine names it once). */
function cycleIssues(draft: Draft, lang: Lang): FieldIssue[] | null {
  const byId = new Map(draft.nodes.filter((n) => n.role !== "ksf").map((n) => [n.id, n]));
  const graph = new Map<string, string[]>();
  for (const node of byId.values()) {
    if (node.formula.trim() !== "")
      graph.set(
        node.id,
        referencedIds(node.formula).filter((id) => byId.has(id)),
      );
  }
  const cycle = findCycle(graph);
  if (!cycle) return null;
  const message = modelMessages[lang]["plan.formulaCycle"]({ cycle: cycle.join(" → ") });
  return [...new Set(cycle)].map((id) => ({
    key: byId.get(id)!.key,
    field: "formula",
    message,
    source: "check" as const,
  }));
}

/** One located problem of the server's problem+json answer. */
export interface ServerProblemItem {
  message: string;
  path: string;
  line?: number | null;
  column?: number | null;
  code?: string;
}

/** The server's refusal of a saved plan, placed on the form: `keys` are the nodes in the order sent. */
export function issuesFromServer(
  items: readonly ServerProblemItem[],
  keys: readonly string[],
  draft: Draft,
): FieldIssue[] {
  return items.map((item) => ({
    ...fieldOfPath(parsePath(item.path), keys, draft, item.code),
    message: item.message,
    source: "server",
  }));
}
