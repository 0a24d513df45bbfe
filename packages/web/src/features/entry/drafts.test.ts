import { describe, expect, it } from "vitest";
import {
  checkDraft,
  currentValue,
  type Drafts,
  draftCount,
  rowKey,
  rowsToSave,
  type StoredValues,
  splitRowKey,
  withDraft,
  withoutSaved,
  withSavedRows,
} from "./drafts";

const stored: StoredValues = {
  visitors: { "2026-11-01": 300, "2026-11-02": 310 },
  cvr: { "2026-10": 0.012 },
};
const nodes = [
  { id: "visitors", unit: "count" },
  { id: "cvr", unit: "percent" },
  { id: "releases", unit: "count" },
];

describe("drafts", () => {
  it("keeps what was typed; typing the stored value again (in any form) is no change", () => {
    let drafts: Drafts = {};
    drafts = withDraft(drafts, { row: "visitors", period: "2026-11-01", text: "1,234" }, 300, "count");
    expect(drafts).toEqual({ visitors: { "2026-11-01": "1,234" } });
    drafts = withDraft(drafts, { row: "cvr", period: "2026-10", text: "1.5" }, 0.012, "percent");
    expect(draftCount(drafts)).toBe(2);
    drafts = withDraft(drafts, { row: "visitors", period: "2026-11-01", text: "３００" }, 300, "count");
    expect(drafts).toEqual({ cvr: { "2026-10": "1.5" } });
    drafts = withDraft(drafts, { row: "cvr", period: "2026-10", text: "1.2%" }, 0.012, "percent");
    expect(drafts).toEqual({});
    // An empty cell where nothing is stored is no change either.
    expect(withDraft({}, { row: "releases", period: "2026-11-03", text: "" }, null, "count")).toEqual({});
  });

  it("changing one row leaves the other rows' objects as they were (rows re-render alone)", () => {
    const before: Drafts = { visitors: { "2026-11-01": "1" }, cvr: { "2026-10": "2" } };
    const after = withDraft(before, { row: "visitors", period: "2026-11-02", text: "5" }, 310, "count");
    expect(after.cvr).toBe(before.cvr);
    expect(after.visitors).not.toBe(before.visitors);
  });

  it.each([
    ["12", 5, "count", { kind: "ok", value: 12 }],
    ["", null, "count", { kind: "ok", value: null }],
    ["abc", null, "count", { kind: "notNumber" }],
    ["", 5, "count", { kind: "cannotDelete", stored: 5 }],
  ] as const)("checks %j over a stored %s", (text, old, unit, check) => {
    expect(checkDraft(text, old, unit)).toEqual(check);
  });

  it("builds the rows to save in the grid's node order and by period, as numbers", () => {
    const drafts: Drafts = {
      releases: { "2026-11-03": "2" },
      cvr: { "2026-11": "1.5%", "2026-10": "1.3" },
      visitors: { "2026-11-02": "1,234" },
    };
    expect(rowsToSave(drafts, nodes, stored)).toEqual({
      rows: [
        { node: "visitors", period: "2026-11-02", value: 1234 },
        { node: "cvr", period: "2026-10", value: 1.3 / 100 },
        { node: "cvr", period: "2026-11", value: 1.5 / 100 },
        { node: "releases", period: "2026-11-03", value: 2 },
      ],
      problems: [],
    });
  });

  it("lists the cells that stop a save", () => {
    const drafts: Drafts = { visitors: { "2026-11-01": "", "2026-11-03": "many", "2026-11-04": "7" } };
    const { rows, problems } = rowsToSave(drafts, nodes, stored);
    expect(rows).toEqual([{ node: "visitors", period: "2026-11-04", value: 7 }]);
    expect(problems).toEqual([
      {
        row: "visitors",
        node: "visitors",
        segment: "",
        period: "2026-11-01",
        check: { kind: "cannotDelete", stored: 300 },
      },
      { row: "visitors", node: "visitors", segment: "", period: "2026-11-03", check: { kind: "notNumber" } },
    ]);
  });

  it("a save clears the drafts it carried, and keeps the rest and those typed again meanwhile", () => {
    const sent: Drafts = {
      visitors: { "2026-11-03": "x", "2026-11-04": "7", "2026-11-05": "8" },
      cvr: { "2026-10": "2" },
    };
    const now: Drafts = { ...sent, visitors: { ...sent.visitors, "2026-11-05": "9" } };
    const saved = [
      { node: "visitors", period: "2026-11-04", value: 7 },
      { node: "visitors", period: "2026-11-05", value: 8 },
      { node: "cvr", period: "2026-10", value: 0.02 },
    ];
    expect(withoutSaved(now, sent, saved)).toEqual({ visitors: { "2026-11-03": "x", "2026-11-05": "9" } });
  });

  it("keys a segment's row by node and segment, a node's own row by the node", () => {
    expect(rowKey("revenue", "")).toBe("revenue");
    expect(rowKey("revenue", "東日本")).toBe("revenue\u0001東日本");
    expect(splitRowKey("revenue\u0001東日本")).toEqual({ node: "revenue", segment: "東日本" });
    expect(splitRowKey("revenue")).toEqual({ node: "revenue", segment: "" });
  });

  it("saves segment cells with their segment: own row first, then segments by name", () => {
    const east = rowKey("visitors", "東日本");
    const west = rowKey("visitors", "West");
    const drafts: Drafts = {
      [east]: { "2026-11-02": "30" },
      [west]: { "2026-11-01": "20", "2026-11-02": "" },
      visitors: { "2026-11-02": "350" },
      cvr: { "2026-11": "2" },
    };
    const withStored: StoredValues = { ...stored, [west]: { "2026-11-02": 15 } };
    expect(rowsToSave(drafts, nodes, withStored)).toEqual({
      rows: [
        { node: "visitors", period: "2026-11-02", value: 350 },
        { node: "visitors", period: "2026-11-01", value: 20, segment: "West" },
        { node: "visitors", period: "2026-11-02", value: 30, segment: "東日本" },
        { node: "cvr", period: "2026-11", value: 0.02 },
      ],
      problems: [
        {
          row: west,
          node: "visitors",
          segment: "West",
          period: "2026-11-02",
          check: { kind: "cannotDelete", stored: 15 },
        },
      ],
    });
    // After the save the segment drafts it carried are gone; the refused one stays.
    const saved = [
      { node: "visitors", period: "2026-11-01", value: 20, segment: "West" },
      { node: "visitors", period: "2026-11-02", value: 30, segment: "東日本" },
    ];
    expect(withoutSaved(drafts, drafts, saved)).toEqual({
      [west]: { "2026-11-02": "" },
      visitors: { "2026-11-02": "350" },
      cvr: { "2026-11": "2" },
    });
  });

  it("saves a value typed in a known segment's row with nothing stored in the period, with its segment", () => {
    // A segment recorded in earlier months: its row is empty in a new month, and what is
    // typed there goes to that segment, never to the node's own (unsegmented) actual.
    const east = rowKey("visitors", "東日本");
    expect(rowsToSave({ [east]: { "2026-12-01": "12" } }, nodes, {})).toEqual({
      rows: [{ node: "visitors", period: "2026-12-01", value: 12, segment: "東日本" }],
      problems: [],
    });
    expect(currentValue({}, {}, east, "2026-12-01", "count")).toEqual({ value: null, pending: false });
  });

  it.each([
    // draft, stored, → value, pending
    [undefined, 300, 300, false],
    ["1,234", 300, 1234, true],
    ["", null, null, true],
    ["many", 300, 300, false], // a wrong draft: the stored value still counts
  ] as const)("a cell drafted %j over %s stands for %s", (draft, old, value, pending) => {
    const drafts: Drafts = draft === undefined ? {} : { visitors: { "2026-11-01": draft } };
    const values: StoredValues = old === null ? {} : { visitors: { "2026-11-01": old } };
    expect(currentValue(drafts, values, "visitors", "2026-11-01", "count")).toEqual({ value, pending });
  });

  it("shows a save's rows as stored until read back, without touching the stored values", () => {
    const stored: StoredValues = { visitors: { "2026-11-01": 100, "2026-11-02": 120 } };
    const shown = withSavedRows(stored, [
      { node: "visitors", period: "2026-11-02", value: 125 },
      { node: "visitors", period: "2026-11-03", value: 130 },
      { node: "revenue", period: "2026-11", value: 4_000_000, segment: "east" },
    ]);
    expect(shown).toEqual({
      visitors: { "2026-11-01": 100, "2026-11-02": 125, "2026-11-03": 130 },
      [rowKey("revenue", "east")]: { "2026-11": 4_000_000 },
    });
    expect(stored).toEqual({ visitors: { "2026-11-01": 100, "2026-11-02": 120 } });
    expect(withSavedRows(stored, [])).toBe(stored);
  });
});
