import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Calendar,
  childPeriods,
  contains,
  DEFAULT_CALENDAR,
  dayFromIso,
  elapsedShare,
  GRAINS,
  type Grain,
  isFinerOrEqual,
  isoFromDay,
  nextPeriod,
  parentPeriod,
  parsePeriod,
  periodLength,
  periodOfDay,
  previousPeriod,
  shiftPeriod,
} from "./index.js";

const FIRST = dayFromIso("1900-01-01")!;
const LAST = dayFromIso("2200-12-31")!;

const anyDay = fc.integer({ min: FIRST, max: LAST });
const anyGrain = fc.constantFrom<Grain>(...GRAINS);
const anyCalendar = fc.record<Calendar>({
  fiscalYearStart: fc.integer({ min: 1, max: 12 }),
  timezone: fc.constant(DEFAULT_CALENDAR.timezone),
  weekStart: fc.constantFrom<Calendar["weekStart"]>("monday", "sunday"),
  locale: fc.constantFrom<Calendar["locale"]>("ja", "en"),
});
const RUNS = { numRuns: 2000 };

describe("period properties", () => {
  it("dayFromIso and isoFromDay agree with each other and with Date.UTC", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const iso = isoFromDay(day);
        expect(dayFromIso(iso)).toBe(day);
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
      }),
      RUNS,
    );
  });

  it("the period of a day holds it, and its id parses back to it", () => {
    fc.assert(
      fc.property(anyDay, anyGrain, anyCalendar, (day, grain, calendar) => {
        const p = periodOfDay(day, grain, calendar);
        expect(p.grain).toBe(grain);
        expect(p.start <= day && day <= p.end).toBe(true);
        expect(parsePeriod(p.id, calendar)).toEqual(p);
      }),
      RUNS,
    );
  });

  it("rolling a day's period up gives the day's coarser period, for days and months-or-coarser", () => {
    fc.assert(
      fc.property(anyDay, anyGrain, anyGrain, anyCalendar, (day, a, b, calendar) => {
        const [fine, coarse] = isFinerOrEqual(a, b) ? [a, b] : [b, a];
        fc.pre(fine !== "week");
        const parent = parentPeriod(periodOfDay(day, fine, calendar), coarse, calendar);
        expect(parent).toEqual(periodOfDay(day, coarse, calendar));
      }),
      RUNS,
    );
  });

  it("a week rolls up to the period that holds its 4th day", () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.constantFrom<Grain>(...GRAINS.slice(1)),
        anyCalendar,
        (day, coarse, calendar) => {
          const week = periodOfDay(day, "week", calendar);
          const parent = parentPeriod(week, coarse, calendar);
          expect(parent).toEqual(periodOfDay(week.start + 3, coarse, calendar));
          expect(contains(parent, week, calendar)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("day, month, quarter and half children tile their parent with no gap or overlap", () => {
    const tiling = fc.constantFrom<Grain>("day", "month", "quarter", "half");
    fc.assert(
      fc.property(anyDay, tiling, anyGrain, anyCalendar, (day, child, parentGrain, calendar) => {
        fc.pre(isFinerOrEqual(child, parentGrain) && (parentGrain !== "week" || child === "day"));
        const parent = periodOfDay(day, parentGrain, calendar);
        const children = childPeriods(parent, child, calendar);
        expect(children[0]!.start).toBe(parent.start);
        expect(children.at(-1)!.end).toBe(parent.end);
        for (let i = 1; i < children.length; i++) expect(children[i]!.start).toBe(children[i - 1]!.end + 1);
        for (const c of children) {
          expect(c.grain).toBe(child);
          expect(parentPeriod(c, parentGrain, calendar)).toEqual(parent);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a parent's weeks are exactly the weeks that roll up into it", () => {
    const coarse = fc.constantFrom<Grain>("month", "quarter", "half", "year");
    fc.assert(
      fc.property(anyDay, coarse, anyCalendar, (day, grain, calendar) => {
        const parent = periodOfDay(day, grain, calendar);
        const weeks = childPeriods(parent, "week", calendar);
        for (const week of weeks) expect(parentPeriod(week, grain, calendar)).toEqual(parent);
        const before = previousPeriod(weeks[0]!, calendar);
        const after = nextPeriod(weeks.at(-1)!, calendar);
        expect(contains(parent, before, calendar)).toBe(false);
        expect(contains(parent, after, calendar)).toBe(false);
        for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toBe(weeks[i - 1]!.end + 1);
      }),
      { numRuns: 500 },
    );
  });

  it("periods of a grain follow each other without gaps, and shifting is reversible", () => {
    fc.assert(
      fc.property(
        anyDay,
        anyGrain,
        anyCalendar,
        fc.integer({ min: -300, max: 300 }),
        (day, grain, calendar, n) => {
          const p = periodOfDay(day, grain, calendar);
          const next = nextPeriod(p, calendar);
          expect(next.start).toBe(p.end + 1);
          expect(previousPeriod(next, calendar)).toEqual(p);
          expect(shiftPeriod(shiftPeriod(p, n, calendar), -n, calendar)).toEqual(p);
          expect(periodLength(p)).toBe(p.end - p.start + 1);
        },
      ),
      RUNS,
    );
  });

  it("elapsed share stays within [0, 1] and grows with the day", () => {
    fc.assert(
      fc.property(
        anyDay,
        anyGrain,
        anyCalendar,
        fc.integer({ min: -400, max: 400 }),
        (day, grain, calendar, offset) => {
          const p = periodOfDay(day, grain, calendar);
          const share = elapsedShare(p, day + offset);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          expect(elapsedShare(p, day + offset + 1)).toBeGreaterThanOrEqual(share);
        },
      ),
      RUNS,
    );
  });
});
