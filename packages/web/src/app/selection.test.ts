import { describe, expect, it } from "vitest";
import type { PlanSummary } from "../api/types";
import { selectPlanAndPeriod } from "./selection";

const plan = (id: string, fiscalYearStart: number, timezone: string): PlanSummary => ({
  id,
  name: id,
  version: 1,
  dataVersion: 0,
  calendar: { fiscalYearStart, timezone, weekStart: "monday", locale: "ja" },
});
const plans = [plan("tokyo", 4, "Asia/Tokyo"), plan("ny", 1, "America/New_York")];
// 2026-12-31 20:00 in New York is already 2027-01-01 in Tokyo.
const now = new Date("2027-01-01T01:00:00Z");

describe("selectPlanAndPeriod", () => {
  it("defaults to the first plan and its current fiscal quarter in its time zone", () => {
    // Tokyo: 2027-01-01 is in FY2026 Q4 (April start).
    expect(selectPlanAndPeriod(plans, new URLSearchParams(""), now)?.period).toEqual({
      grain: "quarter",
      fiscalYear: 2026,
      quarter: 4,
    });
    // New York: still 2026-12-31, FY2026 Q4 with a January start.
    const ny = selectPlanAndPeriod(plans, new URLSearchParams("plan=ny"), now);
    expect(ny?.plan.id).toBe("ny");
    expect(ny?.period).toEqual({ grain: "quarter", fiscalYear: 2026, quarter: 4 });
    expect(ny?.calendar).toEqual({ fiscalYearStart: 1, timezone: "America/New_York" });
  });

  it("takes the period from the URL, falls back on an unknown plan or a bad period, and has nothing without plans", () => {
    expect(selectPlanAndPeriod(plans, new URLSearchParams("plan=ny&period=2026-07"), now)?.period).toEqual({
      grain: "month",
      year: 2026,
      month: 7,
    });
    const fallback = selectPlanAndPeriod(plans, new URLSearchParams("plan=gone&period=FY2026-Q9"), now);
    expect(fallback?.plan.id).toBe("tokyo");
    expect(fallback?.period).toEqual({ grain: "quarter", fiscalYear: 2026, quarter: 4 });
    expect(selectPlanAndPeriod([], new URLSearchParams(""), now)).toBeNull();
  });
});
