import { closestMatch, editDistance } from "../closestMatch.js";
import type { Lang } from "../i18n/lang.js";
import type { LintConfig, Severity } from "../model/types.js";
import { GRAINS } from "../period/types.js";
import { type LintMessageCode, type ParamsOf, renderLintMessage } from "./messages.js";
import { RULES, RULES_BY_ID, type RuleOptionInfo } from "./rules.js";
import { isRuleId, RULE_IDS, type RuleId, type RuleOptions, type RuleOptionValue } from "./types.js";

/** How one rule runs for a plan, after the file's `lint.rules`. */
export interface ResolvedRule {
  enabled: boolean;
  /** The severity the file re-grades the rule to; null keeps the rule's own. */
  severity: Severity | null;
  options: RuleOptions;
}

/** A problem in `lint.rules`, located like the plan's other issues (`["lint", "rules", "A1", "stretch"]`). */
export interface LintConfigIssue {
  code: string;
  path: (string | number)[];
  text(lang: Lang): string;
}

export interface RuleSettings {
  rules: ReadonlyMap<RuleId, ResolvedRule>;
  /** Settings that were not understood; the rule keeps its default for them. */
  issues: LintConfigIssue[];
}

const SEVERITIES: readonly string[] = ["error", "warning", "info"];

function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && SEVERITIES.includes(value);
}

function issue<K extends LintMessageCode>(
  code: K,
  path: (string | number)[],
  params: ParamsOf<K>,
): LintConfigIssue {
  return { code, path, text: (lang) => renderLintMessage(code, params, lang) };
}

function shown(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

function acceptsValue(option: RuleOptionInfo, value: unknown): value is RuleOptionValue {
  if (option.kind === "grain")
    return typeof value === "string" && (GRAINS as readonly string[]).includes(value);
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (option.kind === "integer" && !Number.isInteger(value)) return false;
  if (option.min === null) return true;
  return option.strict ? value > option.min : value >= option.min;
}

/** Ids are two characters, so only a one-character slip (or another case) is worth suggesting. */
function closestRuleId(key: string): RuleId | null {
  const match = closestMatch(key, RULE_IDS) as RuleId | null;
  return match !== null && editDistance(key.toUpperCase(), match) <= 1 ? match : null;
}

function defaults(id: RuleId): Record<string, RuleOptionValue> {
  const options: Record<string, RuleOptionValue> = {};
  for (const [name, option] of Object.entries(RULES_BY_ID.get(id)!.options)) options[name] = option.default;
  return options;
}

/**
 * Reads the file's `lint.rules`: per rule "off", a severity, or `{ severity?, ...options }`.
 * Every problem is reported with its path; a setting that is not understood leaves the
 * rule's default in place, so the linter still runs.
 */
export function resolveRuleSettings(config: LintConfig | undefined): RuleSettings {
  const rules = new Map<RuleId, ResolvedRule>(
    RULES.map((rule) => [rule.id, { enabled: true, severity: null, options: defaults(rule.id) }]),
  );
  const issues: LintConfigIssue[] = [];
  for (const [key, setting] of Object.entries(config?.rules ?? {})) {
    const path = ["lint", "rules", key];
    if (!isRuleId(key)) {
      issues.push(issue("lint.unknownRule", path, { rule: key, suggestion: closestRuleId(key) }));
      continue;
    }
    const resolved = { ...rules.get(key)!, options: { ...rules.get(key)!.options } };
    if (setting === "off") resolved.enabled = false;
    else if (isSeverity(setting)) resolved.severity = setting;
    else if (typeof setting === "string")
      issues.push(issue("lint.badSeverity", path, { rule: key, value: setting }));
    else if (typeof setting === "object" && setting !== null && !Array.isArray(setting)) {
      readObject(key, setting, resolved, issues);
    } else issues.push(issue("lint.badSetting", path, { rule: key }));
    rules.set(key, resolved);
  }
  return { rules, issues };
}

function readObject(
  id: RuleId,
  setting: Readonly<Record<string, unknown>>,
  resolved: { enabled: boolean; severity: Severity | null; options: Record<string, RuleOptionValue> },
  issues: LintConfigIssue[],
): void {
  const info = RULES_BY_ID.get(id)!;
  const names = Object.keys(info.options);
  const path = (name: string) => ["lint", "rules", id, name];
  for (const [name, value] of Object.entries(setting)) {
    if (value === undefined) continue;
    if (name === "severity") {
      if (value === "off") resolved.enabled = false;
      else if (isSeverity(value)) resolved.severity = value;
      else issues.push(issue("lint.badSeverity", path(name), { rule: id, value: String(value) }));
      continue;
    }
    const option = info.options[name];
    if (!option) {
      issues.push(
        issue("lint.unknownOption", path(name), {
          rule: id,
          option: name,
          suggestion: closestMatch(name, [...names, "severity"]),
          accepted: names,
        }),
      );
    } else if (acceptsValue(option, value)) {
      resolved.options[name] = value;
    } else {
      issues.push(
        issue("lint.badOptionValue", path(name), {
          rule: id,
          option: name,
          value: shown(value),
          kind: option.kind,
          min: option.min,
          strict: option.strict,
        }),
      );
    }
  }
  const { min, max } = resolved.options;
  if (typeof min === "number" && typeof max === "number" && min > max) {
    issues.push(issue("lint.minAboveMax", path("min"), { rule: id, min, max }));
    resolved.options.min = Math.min(max, info.options.min!.default as number);
  }
}

/** The problems in `lint.rules`, for the file reader to locate and report with the plan's other issues. */
export function validateLintConfig(config: LintConfig | undefined): LintConfigIssue[] {
  return resolveRuleSettings(config).issues;
}
