import { describe, expect, it } from "vitest";
import {
  checkDraft,
  type Drafts,
  draftCount,
  rowsToSave,
  type StoredValues,
  withDraft,
  withoutSaved,
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
    drafts = withDraft(drafts, { node: "visitors", period: "2026-11-01", text: "1,234" }, 300, "count");
    expect(drafts).toEqual({ visitors: { "2026-11-01": "1,234" } });
    drafts = withDraft(drafts, { node: "cvr", period: "2026-10", text: "1.5" }, 0.012, "percent");
    expect(draftCount(drafts)).toBe(2);
    drafts = withDraft(drafts, { node: "visitors", period: "2026-11-01", text: "３００" }, 300, "count");
    expect(drafts).toEqual({ cvr: { "2026-10": "1.5" } });
    drafts = withDraft(drafts, { node: "cvr", period: "2026-10", text: "1.2%" }, 0.012, "percent");
    expect(drafts).toEqual({});
    // An empty cell where nothing is stored is no change either.
    expect(withDraft({}, { node: "releases", period: "2026-11-03", text: "" }, null, "count")).toEqual({});
  });

  it("changing one row leaves the other rows' objects as they were (rows re-render alone)", () => {
    const before: Drafts = { visitors: { "2026-11-01": "1" }, cvr: { "2026-10": "2" } };
    const after = withDraft(before, { node: "visitors", period: "2026-11-02", text: "5" }, 310, "count");
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
      { node: "visitors", period: "2026-11-01", check: { kind: "cannotDelete", stored: 300 } },
      { node: "visitors", period: "2026-11-03", check: { kind: "notNumber" } },
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
});
