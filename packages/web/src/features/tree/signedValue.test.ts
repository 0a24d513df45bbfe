import { describe, expect, it } from "vitest";
import { signedValue } from "./signedValue";

describe("signedValue", () => {
  it.each([
    [10_000_000, "JPY", "ja", true, "+1,000万円"],
    [-2_500_000, "JPY", "en", true, "-¥2.5M"],
    [-0.025, "percent", "ja", false, "-2.5%"],
    [20, "count", "en", false, "+20"],
    [0, "count", "ja", false, "±0"],
  ] as const)("%s %s (%s) → %s", (value, unit, lang, compact, text) => {
    expect(signedValue(value, unit, lang, compact)).toBe(text);
  });
});
