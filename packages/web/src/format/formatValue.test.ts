import { describe, expect, it } from "vitest";
import { formatPercent, formatProgress, formatValue, formatYen, formatYenCompact } from "./formatValue";

describe("formatYenCompact", () => {
  it.each([
    [30_000_000, "3,000万円", "¥30.0M"],
    [39_600_000, "3,960万円", "¥39.6M"],
    [15_193_655, "1,519万円", "¥15.2M"],
    [150_000_000, "1.5億円", "¥150.0M"],
    [1_234_567_890, "12.35億円", "¥1.2B"],
    [45_000, "4.5万円", "¥45.0K"],
    [500_000, "50万円", "¥500.0K"],
    [980, "980円", "¥980"],
    [0, "0円", "¥0"],
    [-3_370_478, "-337万円", "-¥3.4M"],
  ])("%d → %s / %s", (value, ja, en) => {
    expect(formatYenCompact(value, "ja")).toBe(ja);
    expect(formatYenCompact(value, "en")).toBe(en);
  });
});

describe("formatYen", () => {
  it.each([
    [39_600_000, "39,600,000円", "¥39,600,000"],
    [1_000_000.4, "1,000,000円", "¥1,000,000"],
    [-500, "-500円", "-¥500"],
  ])("%d → %s / %s", (value, ja, en) => {
    expect(formatYen(value, "ja")).toBe(ja);
    expect(formatYen(value, "en")).toBe(en);
  });
});

describe("formatPercent and formatProgress", () => {
  it.each([
    [0.2, "20%"],
    [0.0102, "1.02%"],
    [0.20489139, "20.49%"],
    [0.9995, "99.95%"],
    [1.25, "125%"],
    [0, "0%"],
  ])("percent %d → %s", (fraction, text) => {
    expect(formatPercent(fraction, "ja")).toBe(text);
    expect(formatPercent(fraction, "en")).toBe(text);
  });

  it.each([
    [0.383678157, "38%"],
    [1.25, "125%"],
    [null, "—"],
  ])("progress %s → %s", (progress, text) => {
    expect(formatProgress(progress, "en")).toBe(text);
  });
});

describe("formatValue", () => {
  it.each([
    [39_600_000, "JPY", "ja", true, "3,960万円"],
    [39_600_000, "JPY", "en", true, "¥39.6M"],
    [39_600_000, "JPY", "en", false, "¥39,600,000"],
    [0.2, "percent", "ja", false, "20%"],
    [211.4562, "count", "en", false, "211.5"],
    [36_000, "count", "ja", true, "36,000"],
    [12.25, "hours", "ja", false, "12.3時間"],
    [12.25, "hours", "en", false, "12.3 h"],
    [42, "score", "en", false, "42"],
    [3, "社", "ja", false, "3 社"],
    [null, "JPY", "ja", true, "—"],
  ] as const)("%s %s (%s, compact %s) → %s", (value, unit, lang, compact, text) => {
    expect(formatValue(value, unit, lang, { compact })).toBe(text);
  });
});
