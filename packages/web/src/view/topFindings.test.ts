import { describe, expect, it } from "vitest";
import type { Finding } from "../api/types";
import { topFindings } from "./topFindings";

const finding = (rule: string, severity: Finding["severity"], node: string | null): Finding => ({
  rule,
  severity,
  node,
  period: null,
  message: `${rule} on ${node}`,
  fix: null,
});

const all = [
  finding("S2", "info", "leads"),
  finding("M1", "warning", "win_rate"),
  finding("H1", "error", "revenue"),
  finding("A1", "warning", "leads"),
  finding("T1", "info", null),
];

describe("topFindings", () => {
  it("puts errors first, then warnings, then notes, keeping the linter's order within each", () => {
    expect(topFindings(all, 10).shown.map((f) => f.rule)).toEqual(["H1", "M1", "A1", "S2", "T1"]);
  });

  it("keeps the first few and says how many there are", () => {
    const { shown, total } = topFindings(all, 2);
    expect(shown.map((f) => f.rule)).toEqual(["H1", "M1"]);
    expect(total).toBe(5);
  });

  it("keeps only findings about the nodes shown, and plan-wide ones", () => {
    const { shown, total } = topFindings(all, 10, new Set(["leads"]));
    expect(shown.map((f) => f.rule)).toEqual(["A1", "S2", "T1"]);
    expect(total).toBe(3);
  });
});
