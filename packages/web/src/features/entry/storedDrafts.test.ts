import { describe, expect, it } from "vitest";
import { type Drafts, rowKey } from "./drafts";
import {
  draftsStorageKey,
  parseStoredDrafts,
  restorableDrafts,
  restorableSegments,
  type StoredDrafts,
  serialiseDrafts,
} from "./storedDrafts";

const east = rowKey("visitors", "東日本");
const kept: StoredDrafts = {
  drafts: { visitors: { "2026-11-02": "1,234" }, [east]: { "2026-11-01": "５" } },
  added: { visitors: ["東日本", "西日本"] },
  grain: "day",
  filter: "department:sales",
};

describe("stored drafts", () => {
  it("keys them by organisation, user, plan and period, each part encoded", () => {
    expect(draftsStorageKey({ org: "o1", user: "u:1", plan: "p 1", period: "FY2026-Q3" })).toBe(
      "shihyo.entryDrafts:v1:o1:u%3A1:p%201:FY2026-Q3",
    );
    // A token has no user: still a key of its own.
    expect(draftsStorageKey({ org: "o1", user: null, plan: "p1", period: "FY2026-Q3" })).toBe(
      "shihyo.entryDrafts:v1:o1::p1:FY2026-Q3",
    );
  });

  it("reads back what it writes, segment row keys included", () => {
    const text = serialiseDrafts(kept);
    expect(JSON.parse(text)).toEqual({
      v: 1,
      drafts: { visitors: { "2026-11-02": "1,234" }, "visitors\u0001東日本": { "2026-11-01": "５" } },
      added: { visitors: ["東日本", "西日本"] },
      grain: "day",
      filter: "department:sales",
    });
    expect(parseStoredDrafts(text)).toEqual(kept);
    expect(parseStoredDrafts(serialiseDrafts({ drafts: {}, added: {}, grain: null, filter: null }))).toEqual({
      drafts: {},
      added: {},
      grain: null,
      filter: null,
    });
  });

  it.each([
    ["nothing stored", null],
    ["cut short", serialiseDrafts(kept).slice(0, 30)],
    ["not JSON", "visitors=1234"],
    ["JSON null", "null"],
    ["an array", "[1,2]"],
    ["another version", JSON.stringify({ ...JSON.parse(serialiseDrafts(kept)), v: 2 })],
    ["no version", JSON.stringify({ drafts: {}, added: {}, grain: null, filter: null })],
    [
      "a number typed",
      JSON.stringify({
        v: 1,
        drafts: { visitors: { "2026-11-02": 1234 } },
        added: {},
        grain: null,
        filter: null,
      }),
    ],
    [
      "a row that is a text",
      JSON.stringify({ v: 1, drafts: { visitors: "1234" }, added: {}, grain: null, filter: null }),
    ],
    [
      "segments not a list",
      JSON.stringify({ v: 1, drafts: {}, added: { visitors: "東日本" }, grain: null, filter: null }),
    ],
    [
      "an empty segment name",
      JSON.stringify({ v: 1, drafts: {}, added: { visitors: [""] }, grain: null, filter: null }),
    ],
    ["an unknown grain", JSON.stringify({ v: 1, drafts: {}, added: {}, grain: "fortnight", filter: null })],
    ["a filter that is a number", JSON.stringify({ v: 1, drafts: {}, added: {}, grain: null, filter: 3 })],
    ["no drafts", JSON.stringify({ v: 1, added: {}, grain: null, filter: null })],
  ])("ignores a stored value that is %s", (_why, text) => {
    expect(parseStoredDrafts(text)).toBeNull();
  });

  it("restores only what still means a change", () => {
    const nodes = [
      { id: "visitors", grain: "day", unit: "count" },
      { id: "cvr", grain: "month", unit: "percent" },
    ];
    const drafts: Drafts = {
      visitors: {
        "2026-11-01": "300", // the server has 300 now: dropped
        "2026-11-02": "1,234", // kept
        "2026-11-03": "", // nothing stored, nothing typed: dropped
        "2026-11-04": "", // clears a stored 7: kept (the grid flags it)
        "2026-11": "50", // a month in a day KPI's row: dropped
        "2026-12-01": "9", // outside what was read: kept
      },
      [east]: { "2026-11-01": "5" }, // a segment of a listed node: kept
      retired: { "2026-11-01": "4" }, // no longer in the plan: dropped
      cvr: { "2026-10": "1.2%" }, // equals the stored 0.012, but cvr was not read: kept
    };
    expect(
      restorableDrafts(drafts, {
        nodes,
        stored: { visitors: { "2026-11-01": 300, "2026-11-04": 7 }, cvr: { "2026-10": 0.012 } },
        checked: {
          nodes: new Set(["visitors"]),
          periods: new Set(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]),
        },
      }),
    ).toEqual({
      visitors: { "2026-11-02": "1,234", "2026-11-04": "", "2026-12-01": "9" },
      [east]: { "2026-11-01": "5" },
      cvr: { "2026-10": "1.2%" },
    });
  });

  it("a stored draft the server now holds in another form (1.2% over 0.012) is dropped when read", () => {
    expect(
      restorableDrafts(
        { cvr: { "2026-10": "1.2%" } },
        {
          nodes: [{ id: "cvr", grain: "month", unit: "percent" }],
          stored: { cvr: { "2026-10": 0.012 } },
          checked: { nodes: new Set(["cvr"]), periods: new Set(["2026-10"]) },
        },
      ),
    ).toEqual({});
  });

  it("keeps the added segment rows of the nodes still listed", () => {
    expect(restorableSegments({ visitors: ["東日本"], retired: ["西日本"] }, [{ id: "visitors" }])).toEqual({
      visitors: ["東日本"],
    });
  });
});
