import { validateLintConfig } from "../lint/ruleSettings.js";
import type { PlanIssue, PreparedPlan } from "../model/preparePlan.js";
import { preparePlan } from "../model/preparePlan.js";
import type { Plan, PlanNode, Target } from "../model/types.js";
import { fileMessageError, type KpiFileError, kpiFileError, sortKpiFileErrors } from "./kpiFileError.js";
import { type KpiFileInput, kpiFileSchema } from "./kpiFileSchema.js";
import { type Anchor, formatPath, locatePath, type PathSegment, type YamlSource } from "./locateIssue.js";
import { type KpiFileFormat, readYamlSource } from "./readYamlSource.js";
import { describeIssue } from "./schemaIssues.js";

export interface ParseKpiFileOptions {
  /** Named in every error, as editors and CI logs expect. */
  fileName?: string;
  /** Default: JSON when the text starts with `{`, else YAML. */
  format?: KpiFileFormat;
}

export type ParseKpiFileResult =
  | { ok: true; plan: Plan; prepared: PreparedPlan }
  | { ok: false; errors: KpiFileError[] };

/**
 * Reads a KPI file. Every problem comes back as an error with its line, column and path,
 * in reading order; the text is never trusted enough to throw on.
 */
export function parseKpiFile(text: string, options: ParseKpiFileOptions = {}): ParseKpiFileResult {
  try {
    return parse(text, options);
  } catch (error) {
    // A bug of ours must still reach the user as a located error, not crash the caller.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        fileMessageError(
          { code: "file.unexpected", params: { detail } },
          { path: "", at: { line: 1, column: 1 }, file: options.fileName },
        ),
      ],
    };
  }
}

function parse(raw: string, options: ParseKpiFileOptions): ParseKpiFileResult {
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const file = options.fileName;
  const format = options.format ?? (text.trimStart().startsWith("{") ? "json" : "yaml");
  const { source, errors } = readYamlSource(text, { format, file });
  if (errors.length > 0) return failed(errors);

  let value: unknown;
  try {
    value = source.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Aliases that expand beyond reason (a "billion laughs" file) are refused here.
    const detail = error instanceof Error ? error.message : String(error);
    const at = { line: 1, column: 1 };
    return failed([
      fileMessageError({ code: "file.syntax", params: { format: "YAML", detail } }, { path: "", at, file }),
    ]);
  }
  const checked = kpiFileSchema.safeParse(value);
  if (!checked.success) {
    const problems = checked.error.issues.flatMap((issue) => describeIssue(issue, [], value, kpiFileSchema));
    return failed(
      problems.map(({ message, path, anchor }) =>
        fileMessageError(message, { path: formatPath(path), at: locatePath(source, path, { anchor }), file }),
      ),
    );
  }

  const plan = toPlan(checked.data);
  const prepared = preparePlan(plan);
  // Lint settings are checked here, not in preparePlan: the linter builds on the prepared plan.
  const issues: PlanIssue[] = [...(prepared.ok ? [] : prepared.issues), ...validateLintConfig(plan.lint)];
  if (!prepared.ok || issues.length > 0)
    return failed(issues.map((issue) => fromPlanIssue(issue, source, file)));
  return { ok: true, plan, prepared: prepared.prepared };
}

function failed(errors: readonly KpiFileError[]): ParseKpiFileResult {
  return { ok: false, errors: sortKpiFileErrors(errors) };
}

function fromPlanIssue(issue: PlanIssue, source: YamlSource, file: string | undefined): KpiFileError {
  const path = calendarFieldPath(issue) ?? issue.path;
  // A target's problem is its period: point at the period id, which is the key.
  const anchor: Anchor = path[path.length - 2] === "targets" ? "key" : "value";
  const locate = issue.offset === undefined ? { anchor } : { anchor, offset: issue.offset };
  return kpiFileError({
    code: issue.code,
    path: formatPath(path),
    at: locatePath(source, path, locate),
    file,
    text: (lang) => issue.text(lang),
  });
}

/**
 * preparePlan reports a bad calendar on `calendar` as a whole; its code names the field
 * (`calendar.badTimezone`), which is the line the user has to change.
 */
function calendarFieldPath(issue: PlanIssue): PathSegment[] | null {
  const field = /^calendar\.bad(\w+)$/.exec(issue.code)?.[1];
  if (!field || issue.path.length !== 1 || issue.path[0] !== "calendar") return null;
  return ["calendar", field[0]!.toLowerCase() + field.slice(1)];
}

/** The file's shorthand made uniform: a bare number as a target is `{ value }`. */
function toPlan(input: KpiFileInput): Plan {
  const nodes = input.nodes.map(({ targets, ...rest }): PlanNode => {
    if (targets === undefined) return rest;
    const entries = Object.entries(targets).map(([period, target]): [string, Target] => [
      period,
      typeof target === "number" ? { value: target } : target,
    ]);
    // fromEntries defines properties, so a period written as "__proto__" stays a plain key.
    return { ...rest, targets: Object.fromEntries(entries) };
  });
  return { ...input, nodes };
}
