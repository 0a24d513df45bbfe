import { describe, expect, it } from "vitest";
import { sparklinePath } from "./sparkline";

describe("sparklinePath", () => {
  it("scales the lowest value to the bottom and the highest to the top", () => {
    // 3 points over width 100: x = 0, 50, 100; values 10, 30, 20 over height 20: y = 20, 0, 10.
    expect(sparklinePath([10, 30, 20], 100, 20)).toBe("M0 20 L50 0 L100 10");
  });

  it("breaks the line where a value is missing and marks a lone point", () => {
    // x = 0, 25, 50, 75, 100; min 1, max 5 over height 10.
    expect(sparklinePath([1, 5, null, 3, null], 100, 10)).toBe("M0 10 L25 0 M75 5h0.01");
  });

  it("draws a flat series in the middle and nothing without values", () => {
    expect(sparklinePath([7, 7], 60, 16)).toBe("M0 8 L60 8");
    expect(sparklinePath([null, null], 60, 16)).toBe("");
    expect(sparklinePath([], 60, 16)).toBe("");
  });
});
