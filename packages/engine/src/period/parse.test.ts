import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import {
  type Calendar,
  DEFAULT_CALENDAR,
  dayFromIso,
  type Grain,
  grainOfPeriodId,
  isoFromDay,
  parsePeriod,
  tryParsePeriod,
} from "./index.js";

const april: Calendar = DEFAULT_CALENDAR;
const january: Calendar = { ...DEFAULT_CALENDAR, fiscalYearStart: 1 };
const october: Calendar = { ...DEFAULT_CALENDAR, fiscalYearStart: 10 };
const december: Calendar = { ...DEFAULT_CALENDAR, fiscalYearStart: 12 };
const sunday: Calendar = { ...DEFAULT_CALENDAR, weekStart: "sunday" };

function span(id: string, calendar: Calendar): [Grain, string, string] {
  const p = parsePeriod(id, calendar);
  return [p.grain, isoFromDay(p.start), isoFromDay(p.end)];
}

function errorOf(run: () => unknown): ShihyoError {
  try {
    run();
  } catch (error) {
    if (error instanceof ShihyoError) return error;
    throw error;
  }
  throw new Error("expected a ShihyoError");
}

describe("parsePeriod accepts every id form", () => {
  it.each<[string, Calendar, Grain, string, string]>([
    ["2026-04-15", april, "day", "2026-04-15", "2026-04-15"],
    ["2024-02-29", april, "day", "2024-02-29", "2024-02-29"],
    ["2000-02-29", april, "day", "2000-02-29", "2000-02-29"],
    ["1000-01-01", april, "day", "1000-01-01", "1000-01-01"],
    ["9999-12-31", april, "day", "9999-12-31", "9999-12-31"],
    ["2026-W16", april, "week", "2026-04-13", "2026-04-19"],
    // Week 1 holds the year's first Thursday (1 January 2026), so it starts in December.
    ["2026-W01", april, "week", "2025-12-29", "2026-01-04"],
    ["2026-W53", april, "week", "2026-12-28", "2027-01-03"],
    ["2020-W53", april, "week", "2020-12-28", "2021-01-03"],
    ["2015-W53", april, "week", "2015-12-28", "2016-01-03"],
    ["2025-W52", april, "week", "2025-12-22", "2025-12-28"],
    ["2021-W01", april, "week", "2021-01-04", "2021-01-10"],
    ["2026-W16", sunday, "week", "2026-04-12", "2026-04-18"],
    ["2026-W01", sunday, "week", "2025-12-28", "2026-01-03"],
    ["2026-W53", sunday, "week", "2026-12-27", "2027-01-02"],
    ["2026-04", april, "month", "2026-04-01", "2026-04-30"],
    ["2026-02", april, "month", "2026-02-01", "2026-02-28"],
    ["2024-02", april, "month", "2024-02-01", "2024-02-29"],
    ["2026-12", april, "month", "2026-12-01", "2026-12-31"],
    ["FY2026", april, "year", "2026-04-01", "2027-03-31"],
    ["FY2026-Q1", april, "quarter", "2026-04-01", "2026-06-30"],
    ["FY2026-Q2", april, "quarter", "2026-07-01", "2026-09-30"],
    ["FY2026-Q3", april, "quarter", "2026-10-01", "2026-12-31"],
    ["FY2026-Q4", april, "quarter", "2027-01-01", "2027-03-31"],
    ["FY2026-H1", april, "half", "2026-04-01", "2026-09-30"],
    ["FY2026-H2", april, "half", "2026-10-01", "2027-03-31"],
    ["FY2027", april, "year", "2027-04-01", "2028-03-31"],
    ["FY2027-Q4", april, "quarter", "2028-01-01", "2028-03-31"],
    ["FY2026", january, "year", "2026-01-01", "2026-12-31"],
    ["FY2026-Q1", january, "quarter", "2026-01-01", "2026-03-31"],
    ["FY2026-Q4", january, "quarter", "2026-10-01", "2026-12-31"],
    ["FY2026-H2", january, "half", "2026-07-01", "2026-12-31"],
    ["FY2026", october, "year", "2026-10-01", "2027-09-30"],
    ["FY2026-Q1", october, "quarter", "2026-10-01", "2026-12-31"],
    ["FY2026-Q2", october, "quarter", "2027-01-01", "2027-03-31"],
    ["FY2026-Q4", october, "quarter", "2027-07-01", "2027-09-30"],
    ["FY2026-H2", october, "half", "2027-04-01", "2027-09-30"],
    ["FY2026", december, "year", "2026-12-01", "2027-11-30"],
    ["FY2026-Q1", december, "quarter", "2026-12-01", "2027-02-28"],
    ["FY2027-Q1", december, "quarter", "2027-12-01", "2028-02-29"],
    // Fiscal and day/month ids do not depend on the week start.
    ["FY2026-Q4", sunday, "quarter", "2027-01-01", "2027-03-31"],
    ["2026-04-15", sunday, "day", "2026-04-15", "2026-04-15"],
  ])("%s", (id, calendar, grain, start, end) => {
    expect(span(id, calendar)).toEqual([grain, start, end]);
    expect(parsePeriod(id, calendar).id).toBe(id);
    expect(tryParsePeriod(id, calendar)).toEqual(parsePeriod(id, calendar));
  });

  it("keeps calendars apart in its cache", () => {
    expect(span("FY2026", april)).toEqual(["year", "2026-04-01", "2027-03-31"]);
    expect(span("FY2026", january)).toEqual(["year", "2026-01-01", "2026-12-31"]);
    expect(span("2026-W16", april)[1]).toBe("2026-04-13");
    expect(span("2026-W16", sunday)[1]).toBe("2026-04-12");
    expect(span("FY2026", april)).toEqual(["year", "2026-04-01", "2027-03-31"]);
  });

  it("returns the same object for a repeated id", () => {
    expect(parsePeriod("2026-05-01", april)).toBe(parsePeriod("2026-05-01", april));
  });

  it("keeps parsing correctly once its cache is full", () => {
    const first = dayFromIso("2000-01-01")!;
    for (let day = first; day < first + 9000; day++) {
      expect(parsePeriod(isoFromDay(day), april).start).toBe(day);
    }
    expect(span("2000-01-01", april)).toEqual(["day", "2000-01-01", "2000-01-01"]);
  });
});

describe("parsePeriod rejects everything else", () => {
  it.each<[string, string, string | undefined]>([
    ["", "period.invalid", undefined],
    ["2026-4", "period.invalid", "2026-04"],
    ["2026-4-5", "period.invalid", "2026-04-05"],
    ["2026-W5", "period.invalid", "2026-W05"],
    ["2026W16", "period.invalid", "2026-W16"],
    ["20260415", "period.invalid", "2026-04-15"],
    ["2026/04/15", "period.invalid", "2026-04-15"],
    ["2026.04", "period.invalid", "2026-04"],
    // Ids are case-sensitive; the lower-case spelling is refused but the fix is offered.
    ["fy2026-q1", "period.invalid", "FY2026-Q1"],
    ["Fy2026", "period.invalid", "FY2026"],
    ["2026-w16", "period.invalid", "2026-W16"],
    ["FY2026Q1", "period.invalid", "FY2026-Q1"],
    ["FY2026 H2", "period.invalid", "FY2026-H2"],
    [" 2026-04", "period.invalid", "2026-04"],
    ["FY2026-Q1 ", "period.invalid", "FY2026-Q1"],
    ["２０２６-04", "period.invalid", "2026-04"],
    ["FY26-Q1", "period.invalid", undefined],
    ["FY26", "period.invalid", undefined],
    ["2026", "period.invalid", undefined],
    ["26-04", "period.invalid", undefined],
    ["2026-Q1", "period.invalid", undefined],
    ["Q1-2026", "period.invalid", undefined],
    ["FY2026-Q", "period.invalid", undefined],
    ["FY2026-", "period.invalid", undefined],
    ["FY2026-M4", "period.invalid", undefined],
    ["FY2026-Q10", "period.invalid", undefined],
    ["FY2026-W16", "period.invalid", undefined],
    ["2026-04-15T00:00", "period.invalid", undefined],
    ["+2026-04", "period.invalid", undefined],
    ["2026-W1a", "period.invalid", undefined],
    ["2026-04-1", "period.invalid", "2026-04-01"],
    ["2026-13", "period.badMonth", undefined],
    ["2026-00", "period.badMonth", undefined],
    ["2026-13-01", "period.badMonth", undefined],
    ["2026-02-29", "period.badDate", undefined],
    ["2026-02-30", "period.badDate", undefined],
    ["1900-02-29", "period.badDate", undefined],
    ["2026-04-31", "period.badDate", undefined],
    ["2026-04-00", "period.badDate", undefined],
    ["2026-W54", "period.badWeek", undefined],
    ["2026-W00", "period.badWeek", undefined],
    ["2026-W99", "period.badWeek", undefined],
    ["2025-W53", "period.noWeek53", undefined],
    ["2021-W53", "period.noWeek53", undefined],
    ["FY2026-Q5", "period.badQuarter", undefined],
    ["FY2026-Q0", "period.badQuarter", undefined],
    ["FY2026-H3", "period.badHalf", undefined],
    ["FY2026-H0", "period.badHalf", undefined],
    ["0999-12", "period.outOfRange", undefined],
    ["0026-04", "period.outOfRange", undefined],
    ["FY0999", "period.outOfRange", undefined],
    ["0999-W10", "period.outOfRange", undefined],
  ])("%j → %s", (id, code, suggestion) => {
    const error = errorOf(() => parsePeriod(id, april));
    expect(error.code).toBe(code);
    expect(error.params.text).toBe(id);
    expect(error.params.suggestion).toBe(suggestion);
    expect(tryParsePeriod(id, april)).toBeNull();
  });

  it("names the text and shows the accepted forms in both languages", () => {
    const error = errorOf(() => parsePeriod("2026-4", april));
    expect(error.text("en")).toBe(
      '"2026-4" is not a period. Write a period as one of: 2026-04-15 (day), 2026-W16 (week), ' +
        "2026-04 (month), FY2026-Q1 (quarter), FY2026-H1 (half year), FY2026 (fiscal year). " +
        'Did you mean "2026-04"?',
    );
    expect(error.text("ja")).toBe(
      "「2026-4」は期間として読めません。次のいずれかの形で書いてください: 2026-04-15（日）、2026-W16（週）、" +
        "2026-04（月）、FY2026-Q1（四半期）、FY2026-H1（半期）、FY2026（年度）。「2026-04」のことではありませんか。",
    );
    expect(error.message).toBe(error.text("en"));
    expect(error.location).toEqual({ offset: 0, length: 6 });
  });

  it("explains an empty id without quoting nothing", () => {
    const error = errorOf(() => parsePeriod("", april));
    expect(error.text("en")).toMatch(/^The period is empty\. .*FY2026-Q1 \(quarter\)/);
    expect(error.text("ja")).toMatch(/^期間が空です。.*FY2026-Q1（四半期）/);
  });

  it.each<[string, string, string, { offset: number; length: number }]>([
    [
      "2026-02-30",
      '"2026-02-30" is not a real date: Feb 2026 has days 01 to 28.',
      "「2026-02-30」という日付はありません。2026年2月の日は01〜28です。",
      { offset: 8, length: 2 },
    ],
    [
      "2026-13",
      '"2026-13" names month 13, but months run from 01 to 12.',
      "「2026-13」の月「13」は正しくありません。月は01〜12で書いてください。",
      { offset: 5, length: 2 },
    ],
    [
      "2025-W53",
      '"2025-W53" does not exist: ISO year 2025 has only 52 weeks, W01 to W52.',
      "「2025-W53」はありません。2025年のISO週はW52までの52週です。",
      { offset: 5, length: 3 },
    ],
    [
      "2026-W54",
      '"2026-W54" names week W54, but ISO weeks run from W01 to W52 (W53 in some years).',
      "「2026-W54」の週番号「W54」は正しくありません。ISO週はW01〜W52（年によってはW53）です。",
      { offset: 5, length: 3 },
    ],
    [
      "FY2026-Q5",
      '"FY2026-Q5" names no quarter: a fiscal year has quarters Q1 to Q4.',
      "「FY2026-Q5」の四半期は正しくありません。年度の四半期はQ1〜Q4です。",
      { offset: 7, length: 2 },
    ],
    [
      "FY2026-H3",
      '"FY2026-H3" names no half: a fiscal year has H1 (first half) and H2 (second half).',
      "「FY2026-H3」の半期は正しくありません。年度の半期はH1（上期）とH2（下期）です。",
      { offset: 7, length: 2 },
    ],
    [
      "FY0999",
      '"FY0999" lies outside the years this tool handles (1000 to 9999).',
      "「FY0999」は扱える年の範囲（1000年〜9999年）の外にあります。",
      { offset: 2, length: 4 },
    ],
  ])("%s explains itself", (id, en, ja, location) => {
    const error = errorOf(() => parsePeriod(id, april));
    expect(error.text("en")).toBe(en);
    expect(error.text("ja")).toBe(ja);
    expect(error.location).toEqual(location);
  });

  it("rejects a value that is not text at all", () => {
    const error = errorOf(() => parsePeriod(2026 as unknown as string, april));
    expect(error.code).toBe("period.invalid");
    expect(error.params.text).toBe("2026");
    expect(tryParsePeriod(2026 as unknown as string, april)).toBeNull();
  });

  it("refuses a calendar with an impossible fiscal start", () => {
    const bad = { ...april, fiscalYearStart: 13 };
    expect(errorOf(() => parsePeriod("FY2026", bad)).code).toBe("calendar.badFiscalYearStart");
    expect(parsePeriod("2026-04", bad).grain).toBe("month");
  });
});

describe("grainOfPeriodId looks at the shape only", () => {
  it.each<[string, Grain | null]>([
    ["2026-04-15", "day"],
    ["2026-02-30", "day"],
    ["2026-W16", "week"],
    ["2026-W54", "week"],
    ["2026-04", "month"],
    ["2026-13", "month"],
    ["FY2026-Q1", "quarter"],
    ["FY2026-Q5", "quarter"],
    ["FY2026-H2", "half"],
    ["FY2026", "year"],
    ["0999-01", "month"],
    ["fy2026", null],
    ["FY26", null],
    ["2026-4", null],
    ["2026-w16", null],
    ["FY2026-X1", null],
    ["", null],
    ["2026-04-15x", null],
  ])("%j → %s", (id, grain) => {
    expect(grainOfPeriodId(id)).toBe(grain);
  });
});
