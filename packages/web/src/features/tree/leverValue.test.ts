import { describe, expect, it } from "vitest";
import { leverInputText, parseLeverInput } from "./leverValue";

describe("lever values typed in the what-if panel", () => {
  it.each([
    [0.2, "percent", "20"],
    [0.0102, "percent", "1.02"],
    [500_000, "JPY", "500000"],
    [123.5, undefined, "123.5"],
    [null, "JPY", ""],
  ] as const)("%s %s is shown as %j", (value, unit, text) => {
    expect(leverInputText(value, unit)).toBe(text);
  });

  it.each([
    ["20", "percent", 0.2],
    ["20%", "percent", 0.2],
    ["1.02", "percent", 0.0102],
    ["1,000,000", "JPY", 1_000_000],
    ["１，０００", "count", 1000],
    [" 42 ", "count", 42],
    ["-3.5", undefined, -3.5],
    ["1e6", "JPY", 1_000_000],
    ["", "JPY", null],
    ["abc", "JPY", null],
    ["1e999", "JPY", null],
    ["12abc", "JPY", null],
    ["Infinity", undefined, null],
  ] as const)("%j %s is read as %s", (text, unit, value) => {
    expect(parseLeverInput(text, unit)).toBe(value);
  });

  it("reads back what it shows", () => {
    for (const value of [0.2, 0.0333, 0.999, 0.44])
      expect(parseLeverInput(leverInputText(value, "percent"), "percent")).toBe(value);
  });
});
