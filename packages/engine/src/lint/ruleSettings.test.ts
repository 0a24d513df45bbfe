import { describe, expect, it } from "vitest";
import type { LintConfig } from "../model/types.js";
import { resolveRuleSettings, validateLintConfig } from "./ruleSettings.js";
import { RULES } from "./rules.js";
import { RULE_IDS } from "./types.js";

/** Settings as a JSON document may hold them, past what the type allows. */
const untyped = (rules: Record<string, unknown>) => rules as LintConfig["rules"];

const issuesOf = (rules: LintConfig["rules"]) =>
  validateLintConfig({ rules }).map((i) => ({
    code: i.code,
    path: i.path.join("."),
    en: i.text("en"),
    ja: i.text("ja"),
  }));

describe("RULES", () => {
  it("lists every rule of SEMANTICS §8 once, in order, as plain data", () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(JSON.parse(JSON.stringify(RULES))).toEqual(RULES);
  });

  it.each([
    ["A1", "warning", { stretch: 0.5 }],
    ["A2", "warning", { periods: 3, beat: 0.2 }],
    ["R2", "warning", { threshold: 0.01 }],
    ["K1", "warning", { max: 5, min: 1 }],
    ["H1", "warning", { factor: 2 }],
    ["H2", "warning", { cycle: "month" }],
    ["S2", "info", {}],
  ])("%s defaults to %s with %o", (id, severity, options) => {
    const rule = RULES.find((r) => r.id === id)!;
    expect(rule.severity).toBe(severity);
    expect(Object.fromEntries(Object.entries(rule.options).map(([k, o]) => [k, o.default]))).toEqual(options);
  });

  it("has a title and a description in both languages", () => {
    for (const rule of RULES) {
      for (const texts of [
        rule.title,
        rule.description,
        ...Object.values(rule.options).map((o) => o.description),
      ]) {
        expect(texts.ja.length).toBeGreaterThan(3);
        expect(texts.en.length).toBeGreaterThan(3);
        expect(texts.ja).not.toBe(texts.en);
      }
    }
  });
});

describe("resolveRuleSettings", () => {
  it("keeps every rule on with its defaults when the file says nothing", () => {
    const { rules, issues } = resolveRuleSettings(undefined);
    expect(issues).toEqual([]);
    expect(rules.get("A1")).toEqual({ enabled: true, severity: null, options: { stretch: 0.5 } });
  });

  it("reads off, a severity, and options", () => {
    const { rules, issues } = resolveRuleSettings({
      rules: {
        K1: "off",
        R2: "error",
        A1: { stretch: 0.3 },
        A2: { severity: "info", periods: 4, beat: 0.25 },
        H1: { severity: "off" },
        H2: { cycle: "quarter" },
      },
    });
    expect(issues).toEqual([]);
    expect(rules.get("K1")!.enabled).toBe(false);
    expect(rules.get("H1")!.enabled).toBe(false);
    expect(rules.get("R2")).toEqual({ enabled: true, severity: "error", options: { threshold: 0.01 } });
    expect(rules.get("A1")!.options).toEqual({ stretch: 0.3 });
    expect(rules.get("A2")).toEqual({ enabled: true, severity: "info", options: { periods: 4, beat: 0.25 } });
    expect(rules.get("H2")!.options).toEqual({ cycle: "quarter" });
  });
});

describe("validateLintConfig", () => {
  it("names the closest rule for an unknown id", () => {
    expect(issuesOf({ a1: "off" })).toEqual([
      {
        code: "lint.unknownRule",
        path: "lint.rules.a1",
        en: '"a1" is not a linter rule. Did you mean "A1"?',
        ja: "「a1」というルールはありません。「A1」の誤りではありませんか？",
      },
    ]);
    expect(issuesOf({ SMART: "off" })[0]!.en).toContain("The rules are S1, S2, M1");
    expect(issuesOf({ Z9: "off" })[0]!.en).not.toContain("Did you mean");
  });

  it.each<[LintConfig["rules"], string, string, string]>([
    [
      { A1: { stretch: -1 } },
      "lint.badOptionValue",
      "lint.rules.A1.stretch",
      "A1.stretch must be a number greater than 0, not -1.",
    ],
    [{ A1: { stretch: "big" } }, "lint.badOptionValue", "lint.rules.A1.stretch", 'not "big"'],
    [{ K1: { max: 4.5 } }, "lint.badOptionValue", "lint.rules.K1.max", "a whole number of at least 1"],
    [{ H1: { factor: 0 } }, "lint.badOptionValue", "lint.rules.H1.factor", "at least 1"],
    [{ H2: { cycle: "monthly" } }, "lint.badOptionValue", "lint.rules.H2.cycle", "one of day, week, month"],
    [{ A1: { strech: 0.3 } }, "lint.unknownOption", "lint.rules.A1.strech", 'Did you mean "stretch"?'],
    [{ S1: { max: 3 } }, "lint.unknownOption", "lint.rules.S1.max", 'It takes only "severity".'],
    [untyped({ R2: "warn" }), "lint.badSeverity", "lint.rules.R2", '"warn" is not a severity'],
    [untyped({ R2: { severity: "fatal" } }), "lint.badSeverity", "lint.rules.R2.severity", '"fatal"'],
    [
      { K1: { min: 6 } },
      "lint.minAboveMax",
      "lint.rules.K1.min",
      "K1.min (6) must not be greater than K1.max (5).",
    ],
  ])("%o → %s at %s", (rules, code, path, text) => {
    const issues = issuesOf(rules);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code, path });
    expect(issues[0]!.en).toContain(text);
    expect(issues[0]!.ja).not.toBe(issues[0]!.en);
  });

  it("reports every problem, and the rule keeps its default where a value is bad", () => {
    const { rules, issues } = resolveRuleSettings({
      rules: { A1: { stretch: -1 }, Z9: "off", K1: { max: 0 } },
    });
    expect(issues.map((i) => i.path.join("."))).toEqual([
      "lint.rules.A1.stretch",
      "lint.rules.Z9",
      "lint.rules.K1.max",
    ]);
    expect(rules.get("A1")!.options).toEqual({ stretch: 0.5 });
    expect(rules.get("K1")!.options).toEqual({ max: 5, min: 1 });
  });
});
