import type { Severity } from "../model/types.js";
import { roundForDisplay } from "../roundForDisplay.js";
import { type Draft, LintContext } from "./lintContext.js";
import { renderLintMessage } from "./messages.js";
import { CHECKS } from "./registry.js";
import { resolveRuleSettings } from "./ruleSettings.js";
import { RULES } from "./rules.js";
import type { LintFinding, LintOptions, RuleId } from "./types.js";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs the SMART and health rules (SEMANTICS §8) over a prepared plan as seen on `asOf`,
 * with the rule settings of the plan's `lint.rules` (settings that are not understood keep
 * their defaults; `validateLintConfig` reports them). Findings come sorted by severity,
 * then by the node's place in the plan (plan-wide findings first), then by rule id.
 */
export function lintPlan({ prepared, evaluator, asOf, reviews }: LintOptions): LintFinding[] {
  const { rules } = resolveRuleSettings(prepared.plan.lint);
  const lint = new LintContext(prepared, evaluator, asOf, reviews ?? null);
  const findings: LintFinding[] = [];
  for (const info of RULES) {
    const setting = rules.get(info.id)!;
    if (!setting.enabled) continue;
    for (const d of CHECKS[info.id](lint, setting.options)) {
      const severity =
        setting.severity ?? (d.minor && info.minorSeverity ? info.minorSeverity : info.severity);
      findings.push(toFinding(info.id, severity, d));
    }
  }
  const position = (node: string | null) => (node === null ? -1 : prepared.byId.get(node)!.index);
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      position(a.node) - position(b.node) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Numbers leave the engine without binary noise (0.4999999999999999 → 0.5), as everywhere else. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return roundForDisplay(value);
  if (Array.isArray(value)) return value.map(rounded);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  }
  return value;
}

function toFinding(rule: RuleId, severity: Severity, d: Draft): LintFinding {
  const { code, fix } = d;
  const params = rounded(d.params) as Record<string, unknown>;
  return {
    rule,
    severity,
    node: d.node,
    period: d.period,
    params,
    message: (lang) => renderLintMessage(code, params, lang),
    fix: (lang) => (fix === null ? null : renderLintMessage(fix, params, lang)),
  };
}
