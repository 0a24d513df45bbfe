/*
 * The linter: SMART and health findings about a plan (SEMANTICS §8). Its whole public
 * surface.
 */
export { lintPlan } from "./lintPlan.js";
export { lintMessages, type ReferenceBasis, ruleTexts } from "./messages.js";
export {
  type LintConfigIssue,
  type ResolvedRule,
  type RuleSettings,
  resolveRuleSettings,
  validateLintConfig,
} from "./ruleSettings.js";
export { RULES, type RuleInfo, type RuleOptionInfo, type RuleOptionKind } from "./rules.js";
export {
  isRuleId,
  type LintFinding,
  type LintOptions,
  type Review,
  RULE_IDS,
  type RuleId,
  type RuleOptions,
  type RuleOptionValue,
} from "./types.js";
