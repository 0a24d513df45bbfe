import { describe, expect, it } from "vitest";
import { type ConsistencyRow, gapsByNode } from "./gapsByNode";

const row = (node: string, period: string, consistent: boolean): ConsistencyRow => ({
  node,
  period,
  target: 30_000_000,
  implied: consistent ? 30_000_000 : 15_000_000,
  gap: consistent ? 0 : 15_000_000,
  gapRatio: consistent ? 0 : 0.5,
  consistent,
});

describe("gapsByNode", () => {
  it("keeps the rows of the period that do not add up, by node", () => {
    const rows = [
      row("revenue", "FY2026-Q1", false),
      row("revenue", "FY2026-Q2", true),
      row("win_rate", "FY2026-Q1", true),
      row("nps", "FY2026-Q1", false),
      row("nps", "FY2026-Q2", false),
    ];
    const gaps = gapsByNode(rows, "FY2026-Q1");
    expect([...gaps.keys()]).toEqual(["revenue", "nps"]);
    expect(gaps.get("revenue")).toMatchObject({ gap: 15_000_000, gapRatio: 0.5 });
    expect([...gapsByNode(rows, "FY2026-Q2").keys()]).toEqual(["nps"]);
  });

  it("finds nothing without a check document or in a period without own targets", () => {
    expect(gapsByNode(undefined, "FY2026-Q1").size).toBe(0);
    expect(gapsByNode([row("revenue", "FY2026-Q1", false)], "2026-04").size).toBe(0);
  });
});
