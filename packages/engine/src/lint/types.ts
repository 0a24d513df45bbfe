import type { Evaluator } from "../evaluate/evaluator.js";
import type { Lang } from "../i18n/lang.js";
import type { PreparedPlan } from "../model/preparePlan.js";
import type { Severity } from "../model/types.js";
import type { Day } from "../period/types.js";

export const RULE_IDS = [
  "S1",
  "S2",
  "M1",
  "M2",
  "A1",
  "A2",
  "R1",
  "R2",
  "T1",
  "T2",
  "K1",
  "H1",
  "H2",
  "H3",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

/** One SMART or health finding about a plan (SEMANTICS §8). */
export interface LintFinding {
  rule: RuleId;
  severity: Severity;
  /** The node the finding is about; null for the plan as a whole or an owner. */
  node: string | null;
  period: string | null;
  /** The numbers and ids the message is made of, for scripts and screens. */
  params: Record<string, unknown>;
  message(lang: Lang): string;
  /** A concrete suggestion, or null where there is none to make. */
  fix(lang: Lang): string | null;
}

/** A review of the plan (or of one node) held on a day: what H2 looks for. */
export interface Review {
  node: string | null;
  at: Day;
}

export interface LintOptions {
  prepared: PreparedPlan;
  evaluator: Evaluator;
  asOf: Day;
  /** Reviews recorded by the server; H2 runs only when given. */
  reviews?: readonly Review[];
}

/** The value of a rule option after validation. */
export type RuleOptionValue = number | string;
export type RuleOptions = Readonly<Record<string, RuleOptionValue>>;
