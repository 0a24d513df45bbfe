import { describe, expect, it } from "vitest";
import type { ConsistencyRow } from "./gapsByNode";
import { gapWords } from "./gapWords";

const row = (target: number, implied: number, gapRatio: number | null): ConsistencyRow => ({
  node: "sales",
  period: "FY2026-Q3",
  target,
  implied,
  gap: target - implied,
  gapRatio,
  consistent: false,
});

describe("gapWords", () => {
  it.each([
    // 10,000,000 − 9,000,000 = +1,000,000: the inputs fall short by 1,000,000 (10 %).
    [
      row(10_000_000, 9_000_000, 0.1),
      "JPY",
      "ja",
      {
        headline: "tree.gapShort",
        amount: "100万円",
        implied: "900万円",
        target: "10,000,000円",
        impliedExact: "9,000,000円",
        gap: "+1,000,000円",
        ratio: "+10%",
      },
    ],
    [
      row(10_000_000, 9_000_000, 0.1),
      "JPY",
      "en",
      {
        headline: "tree.gapShort",
        amount: "¥1.0M",
        implied: "¥9.0M",
        target: "¥10,000,000",
        impliedExact: "¥9,000,000",
        gap: "+¥1,000,000",
        ratio: "+10%",
      },
    ],
    // 400 − 450 = −50: the inputs go over by 50 (−12.5 %); the headline's amount has no sign.
    [
      row(400, 450, -0.125),
      "count",
      "ja",
      {
        headline: "tree.gapOver",
        amount: "50",
        implied: "450",
        target: "400",
        impliedExact: "450",
        gap: "-50",
        ratio: "-12.5%",
      },
    ],
    // A zero target with inputs that imply 3: no ratio.
    [
      row(0, 3, null),
      "count",
      "en",
      { headline: "tree.gapOver", amount: "3", implied: "3", target: "0", gap: "-3", ratio: "—" },
    ],
  ] as const)("case %#", (gap, unit, lang, words) => {
    expect(gapWords(gap, unit, lang)).toMatchObject(words);
  });

  it("falls back to the plain headline when the gap is unknown", () => {
    const unknown = { ...row(100, 90, null), gap: null, implied: null };
    expect(gapWords(unknown, "count", "ja")).toMatchObject({ headline: "tree.gap", amount: "—", gap: "—" });
  });
});
