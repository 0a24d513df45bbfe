import type { Lang } from "../i18n/lang.js";
import type { Severity } from "../model/types.js";
import type { Grain } from "../period/types.js";
import { ruleTexts } from "./messages.js";
import { RULE_IDS, type RuleId } from "./types.js";

/** How an option's value is checked: any number, a whole number, or a grain name. */
export type RuleOptionKind = "number" | "integer" | "grain";

export interface RuleOptionInfo {
  kind: RuleOptionKind;
  default: number | Grain;
  /** Smallest accepted value (numbers); `strict` excludes it. */
  min: number | null;
  strict: boolean;
  description: Readonly<Record<Lang, string>>;
}

/** A rule as documented: what `shihyo check --rules` lists. Plain data, so it serialises as is. */
export interface RuleInfo {
  id: RuleId;
  /** Severity of the rule's findings unless the file re-grades it. */
  severity: Severity;
  /**
   * Severity of the rule's milder case (A1 "too easy", A2 "beaten", K1 "too few"), or null
   * where there is none. A severity set in the file applies to both.
   */
  minorSeverity: Severity | null;
  options: Readonly<Record<string, RuleOptionInfo>>;
  title: Readonly<Record<Lang, string>>;
  description: Readonly<Record<Lang, string>>;
}

type OptionSpec = Omit<RuleOptionInfo, "description">;

const number = (value: number, min: number, strict: boolean): OptionSpec => ({
  kind: "number",
  default: value,
  min,
  strict,
});
const integer = (value: number, min: number): OptionSpec => ({
  kind: "integer",
  default: value,
  min,
  strict: false,
});

/*
 * Default severities. "error" is kept for what makes a plan unusable, and nothing the
 * linter sees does that on its own (a broken plan already fails preparation), so every
 * rule is a warning except the suggestions: S2 (a baseline is good practice, not a gap)
 * and the milder cases of A1, A2 and K1, which are info.
 */
const SPECS: Record<
  RuleId,
  { severity: Severity; minorSeverity: Severity | null; options: Record<string, OptionSpec> }
> = {
  S1: { severity: "warning", minorSeverity: null, options: {} },
  S2: { severity: "info", minorSeverity: null, options: {} },
  M1: { severity: "warning", minorSeverity: null, options: {} },
  M2: { severity: "warning", minorSeverity: null, options: {} },
  A1: { severity: "warning", minorSeverity: "info", options: { stretch: number(0.5, 0, true) } },
  A2: {
    severity: "warning",
    minorSeverity: "info",
    options: { periods: integer(3, 1), beat: number(0.2, 0, false) },
  },
  R1: { severity: "warning", minorSeverity: null, options: {} },
  R2: { severity: "warning", minorSeverity: null, options: { threshold: number(0.01, 0, false) } },
  T1: { severity: "warning", minorSeverity: null, options: {} },
  T2: { severity: "warning", minorSeverity: null, options: {} },
  K1: { severity: "warning", minorSeverity: "info", options: { max: integer(5, 1), min: integer(1, 0) } },
  H1: { severity: "warning", minorSeverity: null, options: { factor: integer(2, 1) } },
  H2: {
    severity: "warning",
    minorSeverity: null,
    options: { cycle: { kind: "grain", default: "month", min: null, strict: false } },
  },
  H3: { severity: "warning", minorSeverity: null, options: {} },
};

/** Every rule, in the order of SEMANTICS §8. */
export const RULES: readonly RuleInfo[] = RULE_IDS.map((id) => {
  const spec = SPECS[id];
  const texts = ruleTexts[id];
  const options: Record<string, RuleOptionInfo> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = { ...option, description: texts.options[name]! };
  }
  return {
    id,
    severity: spec.severity,
    minorSeverity: spec.minorSeverity,
    options,
    title: texts.title,
    description: texts.description,
  };
});

export const RULES_BY_ID: ReadonlyMap<RuleId, RuleInfo> = new Map(RULES.map((rule) => [rule.id, rule]));
