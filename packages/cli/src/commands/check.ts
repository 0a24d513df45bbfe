import { checkConsistency, lintPlan, RULES, roundForDisplay } from "@shihyo/engine";
import { colors, formatShare, formatValue, table } from "../format.js";
import { InvalidPlanFile, loadPlan } from "../loadPlan.js";
import type { CommandInput } from "../main.js";

/** Validates a KPI file and runs the linter; exit 1 when a finding is an error. */
export async function check(input: CommandInput): Promise<number> {
  if (input.options.rules) return listRules(input);
  let loaded: Awaited<ReturnType<typeof loadPlan>>;
  try {
    loaded = await loadPlan(input);
  } catch (error) {
    if (input.options.json && error instanceof InvalidPlanFile) return reportInvalidAsJson(input, error);
    throw error;
  }
  const { prepared, evaluator, lang, messages: m } = loaded;
  const findings = lintPlan({ prepared, evaluator, asOf: loaded.asOf });
  const consistency = checkConsistency(prepared, evaluator.targets);
  const errors = findings.filter((f) => f.severity === "error").length;
  if (input.options.json) {
    input.output.out(
      JSON.stringify(
        {
          ok: errors === 0,
          errors: [],
          findings: findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            node: f.node,
            period: f.period,
            message: f.message(lang),
            fix: f.fix(lang),
          })),
          consistency: consistency.map((r) => ({
            node: r.node,
            period: r.period,
            target: roundForDisplay(r.target),
            implied: roundForDisplay(r.implied),
            gap: roundForDisplay(r.gap),
            gapRatio: roundForDisplay(r.gapRatio),
            consistent: r.consistent,
          })),
        },
        null,
        2,
      ),
    );
    return errors > 0 ? 1 : 0;
  }
  const c = colors(input.env.color);
  const lines: string[] = [];
  for (const f of findings) {
    const severity = m.severityNames[f.severity] ?? f.severity;
    const paint = f.severity === "error" ? c.red : f.severity === "warning" ? c.yellow : c.dim;
    const where = [f.node, f.period].filter(Boolean).join(" ");
    lines.push(`${paint(`${severity} ${f.rule}`)} ${where ? `${c.bold(where)}: ` : ""}${f.message(lang)}`);
    const fix = f.fix(lang);
    if (fix) lines.push(`  ${c.dim(`${m.fix()}:`)} ${fix}`);
  }
  if (findings.length === 0) lines.push(m.noFindings());
  if (consistency.length > 0) {
    lines.push("", c.bold(m.consistencyHeading()));
    const rows = [[m.node(), "", m.target(), "implied", "gap", ""]];
    for (const r of consistency) {
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
    lines.push(table(rows, [false, false, true, true, true, false]));
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
  const rows = [["ID", "", ""]];
  for (const r of RULES) rows.push([r.id, m.severityNames[r.severity] ?? r.severity, r.title[lang]]);
  input.output.out(`${m.rulesHeading()}\n${table(rows)}`);
  return 0;
}
