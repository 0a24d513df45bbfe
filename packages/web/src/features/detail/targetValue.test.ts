import { describe, expect, it } from "vitest";
import { parseTargetInput, targetInputText } from "./targetValue";

describe("parseTargetInput", () => {
  it.each<[string, string | undefined, number | null]>([
    ["600000", "JPY", 600_000],
    ["600,000", "JPY", 600_000],
    ["６００，０００", "JPY", 600_000],
    [" 12.5 ", "count", 12.5],
    ["44", "percent", 0.44],
    ["44%", "percent", 0.44],
    ["0.5", "percent", 0.005],
    ["-3", "days", -3],
    ["1e6", "JPY", 1_000_000],
    ["", "JPY", null],
    ["abc", "JPY", null],
    ["12abc", "JPY", null],
    ["1.2.3", "JPY", null],
  ])("%j (%s) → %s", (text, unit, value) => {
    expect(parseTargetInput(text, unit)).toBe(value);
  });
});

describe("targetInputText", () => {
  it.each<[number | null, string | undefined, string]>([
    [500_000, "JPY", "500000"],
    [0.44, "percent", "44"],
    [0.07, "percent", "7"],
    [0.015, "percent", "1.5"],
    [null, "JPY", ""],
  ])("%s (%s) → %j", (value, unit, text) => {
    expect(targetInputText(value, unit)).toBe(text);
  });

  it("reads back what it shows", () => {
    for (const value of [0.44, 0.07, 0.123, 0.2]) {
      expect(parseTargetInput(targetInputText(value, "percent"), "percent")).toBe(value);
    }
  });
});
