import { checkConsistency, lintPlan, presentCheck, RULES } from "@shihyo/engine";
import { colors, formatShare, formatValue, printable, table } from "../format.js";
import { InvalidDataFile, InvalidPlanFile, loadPlan } from "../loadPlan.js";
import type { CommandInput } from "../main.js";

/** Validates a KPI file and runs the linter; exit 1 when a finding is an error. */
export async function check(input: CommandInput): Promise<number> {
  if (input.options.rules) return listRules(input);
  let loaded: Awaited<ReturnType<typeof loadPlan>>;
  try {
    loaded = await loadPlan(input);
  } catch (error) {
    if (input.options.json && error instanceof InvalidPlanFile) return reportInvalidAsJson(input, error);
    if (input.options.json && error instanceof InvalidDataFile) return reportBadDataAsJson(input, error);
    throw error;
  }
  const { prepared, evaluator, lang, messages: m } = loaded;
  const findings = lintPlan({ prepared, evaluator, asOf: loaded.asOf });
  const consistency = checkConsistency(prepared, evaluator.targets);
  const errors = findings.filter((f) => f.severity === "error").length;
  if (input.options.json) {
    input.output.out(JSON.stringify(presentCheck(findings, consistency, lang), null, 2));
    return errors > 0 ? 1 : 0;
  }
  const c = colors(input.env.color);
  const lines: string[] = [];
  for (const f of findings) {
    const severity = m.severityNames[f.severity] ?? f.severity;
    const paint = f.severity === "error" ? c.red : f.severity === "warning" ? c.yellow : c.dim;
    const where = [f.node, f.period].filter(Boolean).join(" ");
    lines.push(
      `${paint(`${severity} ${f.rule}`)} ${where ? `${c.bold(where)}: ` : ""}${printable(f.message(lang))}`,
    );
    const fix = f.fix(lang);
    if (fix) lines.push(`  ${c.dim(`${m.fix()}:`)} ${printable(fix)}`);
  }
  if (findings.length === 0) lines.push(m.noFindings());
  if (consistency.length > 0) {
    const gaps = consistency.filter((r) => !r.consistent);
    lines.push(
      "",
      c.bold(m.consistencyHeading()),
      m.consistencySummary({ ok: consistency.length - gaps.length, all: consistency.length }),
    );
    const rows = [[m.node(), m.period(), m.target(), m.implied(), m.gap(), ""]];
    for (const r of gaps) {
      const unit = prepared.byId.get(r.node)!.source.unit;
      rows.push([
        r.node,
        r.period,
        formatValue(r.target, unit, lang),
        formatValue(r.implied, unit, lang),
        formatShare(r.gapRatio, lang),
        r.consistent ? c.green(m.consistent()) : c.red(m.inconsistent()),
      ]);
    }
    if (gaps.length > 0) lines.push(table(rows, [false, false, true, true, true, false]));
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(
    "",
    m.checkSummary({ errors: count("error"), warnings: count("warning"), infos: count("info") }),
  );
  input.output.out(lines.join("\n"));
  return errors > 0 ? 1 : 0;
}

/** With --json, an invalid file is still one JSON document: `ok: false` and every error located. */
function reportInvalidAsJson(input: CommandInput, error: InvalidPlanFile): number {
  const { errors, lang } = error;
  const json = {
    ok: false,
    errors: errors.map((e) => ({
      message: e.text(lang),
      path: e.path,
      line: e.line,
      column: e.column,
      code: e.code,
      file: e.file ?? input.positionals[0] ?? null,
    })),
    findings: [],
    consistency: [],
  };
  input.output.out(JSON.stringify(json, null, 2));
  return 2;
}

/**
 * With --json, bad rows of a data file are errors of the same document: `path` names the
 * column (its header), `file`, `line` and `column` where the cell is, `value` the cell's text
 * (at most the first DEFAULT_MAX_ERRORS bad rows, as on the terminal).
 */
function reportBadDataAsJson(input: CommandInput, error: InvalidDataFile): number {
  const { errors, lang } = error;
  const json = {
    ok: false,
    errors: errors.map((e) => ({
      message: e.reason(lang),
      path: e.columnName ?? "",
      line: e.line,
      column: e.column,
      code: e.code,
      file: e.file,
      ...(e.value !== undefined ? { value: e.value } : {}),
    })),
    findings: [],
    consistency: [],
  };
  input.output.out(JSON.stringify(json, null, 2));
  return 2;
}

function listRules(input: CommandInput): number {
  const { lang, messages: m } = input;
  if (input.options.json) {
    input.output.out(
      JSON.stringify(
        RULES.map((r) => ({ ...r, title: r.title[lang], description: r.description[lang] })),
        null,
        2,
      ),
    );
    return 0;
  }
  const rows = [["ID", m.ruleSeverity(), m.ruleTitle()]];
  for (const r of RULES) rows.push([r.id, m.severityNames[r.severity] ?? r.severity, r.title[lang]]);
  input.output.out(`${m.rulesHeading()}\n${table(rows)}`);
  return 0;
}
