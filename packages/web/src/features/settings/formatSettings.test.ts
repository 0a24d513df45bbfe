import { describe, expect, it } from "vitest";
import { formatDateTime, monthName } from "./formatSettings";

describe("formatDateTime", () => {
  it.each([
    ["2026-11-24T03:05:00Z", "ja", "Asia/Tokyo", "2026/11/24 12:05"],
    ["2026-11-24T03:05:00Z", "en", "Asia/Tokyo", "Nov 24, 2026, 12:05 PM"],
    ["2026-03-31T15:30:00Z", "ja", "Asia/Tokyo", "2026/04/01 0:30"],
    ["not a date", "en", "UTC", "not a date"],
  ] as const)("%s in %s (%s) → %s", (iso, lang, zone, text) => {
    // Intl puts a narrow no-break space before AM/PM; compare with plain spaces.
    expect(formatDateTime(iso, lang, zone).replace(/\s/g, " ")).toBe(text);
  });
});

describe("monthName", () => {
  it.each([
    [4, "ja", "4"],
    [4, "en", "April"],
    [1, "en", "January"],
    [12, "en", "December"],
  ] as const)("%i in %s → %s", (month, lang, name) => {
    expect(monthName(month, lang)).toBe(name);
  });
});
