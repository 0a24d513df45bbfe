import { type Calendar, dayFromIso } from "@shihyo/engine";
import { describe, expect, it } from "vitest";
import { engineCalendar, periodColumns, startColumn } from "./periodColumns";

const APRIL: Calendar = engineCalendar(undefined);
const today = dayFromIso("2026-11-24")!;

describe("periodColumns", () => {
  it("days of a fiscal quarter: Oct 1 – Dec 31, labelled with the weekday, today marked", () => {
    const columns = periodColumns("FY2026-Q3", "day", APRIL, today, "ja");
    expect(columns).toHaveLength(31 + 30 + 31);
    expect(columns[0]).toEqual({
      id: "2026-10-01",
      label: "10/1",
      sub: "木",
      long: expect.stringContaining("2026"),
      today: false,
      future: false,
    });
    const todays = columns.filter((c) => c.today);
    expect(todays.map((c) => [c.id, c.label, c.sub])).toEqual([["2026-11-24", "11/24", "火"]]);
    expect(columns.at(-1)).toMatchObject({ id: "2026-12-31", future: true });
    expect(columns.filter((c) => c.future)).toHaveLength(37); // Nov 25–30 and December
  });

  it("in English", () => {
    const [first] = periodColumns("FY2026-Q3", "day", APRIL, today, "en");
    expect([first!.label, first!.sub]).toEqual(["Oct 1", "Thu"]);
    const months = periodColumns("FY2026-Q3", "month", APRIL, today, "en");
    expect(months.map((c) => [c.label, c.sub])).toEqual([
      ["Oct", "2026"],
      ["Nov", "2026"],
      ["Dec", "2026"],
    ]);
  });

  it("months of a fiscal year start in the calendar's first month", () => {
    expect(periodColumns("FY2026", "month", APRIL, today, "ja").map((c) => c.id)).toEqual([
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
    ]);
    const january = engineCalendar({ fiscalYearStart: 1 });
    expect(periodColumns("FY2026-Q1", "month", january, today, "ja").map((c) => c.label)).toEqual([
      "1月",
      "2月",
      "3月",
    ]);
  });

  it("weeks of a month are those whose Thursday is inside it (ISO), labelled by number and first day", () => {
    // November 2026: Sunday the 1st; the week of Mon Oct 26 has its Thursday on Oct 29 (October's).
    const weeks = periodColumns("2026-11", "week", APRIL, today, "ja");
    expect(weeks.map((c) => c.id)).toEqual(["2026-W45", "2026-W46", "2026-W47", "2026-W48"]);
    expect(weeks.map((c) => [c.label, c.sub, c.today])).toEqual([
      ["第45週", "11/2〜", false],
      ["第46週", "11/9〜", false],
      ["第47週", "11/16〜", false],
      ["第48週", "11/23〜", true],
    ]);
    const sundays = periodColumns("2026-11", "week", engineCalendar({ weekStart: "sunday" }), today, "en");
    expect(sundays[0]!.sub).toBe("from Nov 1");
  });

  it("a grain coarser than the period shown gives the one period holding it", () => {
    expect(periodColumns("2026-11", "quarter", APRIL, today, "ja").map((c) => [c.id, c.today])).toEqual([
      ["FY2026-Q3", true],
    ]);
  });

  it("starts on today's column, else the last begun, else the first", () => {
    expect(startColumn(periodColumns("FY2026-Q3", "day", APRIL, today, "ja"))).toBe(31 + 23);
    expect(startColumn(periodColumns("FY2026-Q1", "month", APRIL, today, "ja"))).toBe(2);
    expect(startColumn(periodColumns("FY2027-Q1", "month", APRIL, today, "ja"))).toBe(0);
  });
});
