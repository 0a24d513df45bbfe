import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import { dayOfInstant, isoFromDay, isValidTimezone } from "./index.js";

function errorOf(run: () => unknown): ShihyoError {
  try {
    run();
  } catch (error) {
    if (error instanceof ShihyoError) return error;
    throw error;
  }
  throw new Error("expected a ShihyoError");
}

describe("dayOfInstant", () => {
  it.each([
    // Tokyo is UTC+9 all year: its midnight is 15:00 UTC the day before.
    ["2026-03-31T14:59:59.999Z", "Asia/Tokyo", "2026-03-31"],
    ["2026-03-31T15:00:00.000Z", "Asia/Tokyo", "2026-04-01"],
    ["2026-03-31T16:00:00.000Z", "Asia/Tokyo", "2026-04-01"],
    ["2026-12-31T15:00:00.000Z", "Asia/Tokyo", "2027-01-01"],
    ["2026-03-31T23:59:59.999Z", "UTC", "2026-03-31"],
    ["2026-04-01T00:00:00.000Z", "UTC", "2026-04-01"],
    // New York switches to EDT (UTC−4) at 07:00 UTC on 8 March 2026.
    ["2026-03-08T04:59:59.999Z", "America/New_York", "2026-03-07"],
    ["2026-03-08T05:00:00.000Z", "America/New_York", "2026-03-08"],
    ["2026-03-09T03:59:59.999Z", "America/New_York", "2026-03-08"],
    ["2026-03-09T04:00:00.000Z", "America/New_York", "2026-03-09"],
    // …and back to EST (UTC−5) at 06:00 UTC on 1 November 2026.
    ["2026-11-01T03:59:59.999Z", "America/New_York", "2026-10-31"],
    ["2026-11-01T04:00:00.000Z", "America/New_York", "2026-11-01"],
    ["2026-11-02T04:59:59.999Z", "America/New_York", "2026-11-01"],
    ["2026-11-02T05:00:00.000Z", "America/New_York", "2026-11-02"],
    // Half-hour and far-east offsets.
    ["2026-03-31T18:29:59.999Z", "Asia/Kolkata", "2026-03-31"],
    ["2026-03-31T18:30:00.000Z", "Asia/Kolkata", "2026-04-01"],
    ["2026-03-31T10:00:00.000Z", "Pacific/Kiritimati", "2026-04-01"],
    ["2026-04-01T11:59:59.000Z", "Pacific/Pago_Pago", "2026-04-01"],
    ["1969-12-31T15:00:00.000Z", "Asia/Tokyo", "1970-01-01"],
  ])("%s in %s is %s", (instant, zone, expected) => {
    expect(isoFromDay(dayOfInstant(new Date(instant), zone))).toBe(expected);
  });

  it.each([
    ["0000-01-01T00:00:00.000Z", -719528],
    ["-000001-12-31T12:00:00.000Z", -719529],
    ["0001-01-01T00:00:00.000Z", -719162],
  ])("counts years before the common era continuously: %s", (instant, day) => {
    expect(dayOfInstant(new Date(instant), "UTC")).toBe(day);
  });

  it("agrees with plain offset arithmetic for UTC and Tokyo", () => {
    const from = Date.UTC(1960, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(dayOfInstant(new Date(ms), "UTC")).toBe(Math.floor(ms / 86_400_000));
        expect(dayOfInstant(new Date(ms), "Asia/Tokyo")).toBe(Math.floor((ms + 9 * 3_600_000) / 86_400_000));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses an unknown zone and suggests a near one", () => {
    const error = errorOf(() => dayOfInstant(new Date(0), "Asia/Tokio"));
    expect(error.code).toBe("calendar.badTimezone");
    expect(error.params.suggestion).toBe("Asia/Tokyo");
    expect(error.text("en")).toContain('"Asia/Tokio"');
    expect(error.text("ja")).toContain("「Asia/Tokyo」のことではありませんか");
  });

  it("refuses an invalid instant", () => {
    expect(errorOf(() => dayOfInstant(new Date(Number.NaN), "Asia/Tokyo")).code).toBe("period.badInstant");
  });
});

describe("isValidTimezone", () => {
  it.each([
    ["Asia/Tokyo", true],
    ["America/New_York", true],
    ["Europe/London", true],
    ["UTC", true],
    ["asia/tokyo", true],
    ["Asia/Tokio", false],
    ["Mars/Olympus_Mons", false],
    ["", false],
    ["JST+9", false],
  ])("%j: %s", (zone, valid) => {
    expect(isValidTimezone(zone)).toBe(valid);
  });
});
