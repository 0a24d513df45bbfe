import { describe, expect, it } from "vitest";
import { daily, evaluator, rows } from "../../test/buildPlan.js";
import type { Aggregation } from "../model/types.js";

const Q1 = "FY2026-Q1";
const AFTER_Q1 = "2026-07-31";

describe("roll-up over time (SEMANTICS §2.1)", () => {
  it.each<[Aggregation, number]>([
    ["sum", 60],
    ["average", 20],
    ["last", 20],
    ["first", 10],
    ["min", 10],
    ["max", 30],
  ])("%s of monthly values 10, 30, 20 for a quarter is %d", (aggregation, expected) => {
    const ev = evaluator(
      [{ id: "x", role: "kpi", grain: "month", cadence: "month", aggregation }],
      rows("x", { "2026-04": 10, "2026-05": 30, "2026-06": 20 }),
    );
    expect(ev.context(AFTER_Q1).value("x", ev.period(Q1))).toBe(expected);
  });

  it("average is the mean of all recorded values, not a mean of monthly means", () => {
    // April: 10 and 20 (monthly mean 15); May: 60. Mean of all = 30; mean of means would be 37.5.
    const ev = evaluator(
      [{ id: "x", role: "kpi", aggregation: "average" }],
      rows("x", { "2026-04-01": 10, "2026-04-02": 20, "2026-05-01": 60 }),
    );
    expect(ev.context(AFTER_Q1).value("x", ev.period(Q1))).toBe(30);
  });

  it("weighted average is Σ(value·weight) / Σ(weight)", () => {
    const ev = evaluator(
      [
        { id: "csat", role: "kpi", grain: "month", aggregation: "weighted_average", weight: "responses" },
        { id: "responses", role: "kpi", grain: "month" },
      ],
      [
        ...rows("csat", { "2026-04": 4, "2026-05": 5 }),
        ...rows("responses", { "2026-04": 10, "2026-05": 30 }),
      ],
    );
    // (4·10 + 5·30) / 40 = 4.75, where a plain mean would say 4.5.
    expect(ev.context(AFTER_Q1).value("csat", ev.period(Q1))).toBe(4.75);
  });

  it("weighted average by segment pairs each segment's value with that segment's weight", () => {
    // The weights arrive in the other segment order: east is the value node's first segment
    // and the weight node's second.
    const ev = evaluator(
      [
        { id: "csat", role: "kpi", grain: "month", aggregation: "weighted_average", weight: "responses" },
        { id: "responses", role: "kpi", grain: "month" },
      ],
      [
        ...rows("csat", { "2026-04": 4 }, "east"),
        ...rows("csat", { "2026-04": 2 }, "west"),
        ...rows("responses", { "2026-04": 10 }, "west"),
        ...rows("responses", { "2026-04": 30 }, "east"),
      ],
    );
    // (4·30 + 2·10) / 40 = 3.5; pairing by position would give (4·10 + 2·30) / 40 = 2.5.
    expect(ev.context(AFTER_Q1).value("csat", ev.period(Q1))).toBe(3.5);
    expect(ev.context(AFTER_Q1, "west").value("csat", ev.period(Q1))).toBe(2);
  });

  it("last across a fiscal year is March's value; as of mid-December it is December's", () => {
    const months = [
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
    ];
    const ev = evaluator(
      [{ id: "mrr", role: "kpi", grain: "month", aggregation: "last" }],
      rows("mrr", Object.fromEntries(months.map((m, i) => [m, 100 + i]))),
    );
    expect(ev.context("2027-04-30").value("mrr", ev.period("FY2026"))).toBe(111);
    expect(ev.context("2026-12-15").value("mrr", ev.period("FY2026"))).toBe(108);
  });

  it("week 53 rolls into December (its Thursday), the next week into January", () => {
    const ev = evaluator(
      [{ id: "w", role: "kpi", grain: "week", cadence: "week" }],
      rows("w", { "2026-W52": 1, "2026-W53": 7, "2027-W01": 100 }),
    );
    const ctx = ev.context("2027-12-31");
    expect(ctx.value("w", ev.period("2026-12"))).toBe(8);
    expect(ctx.value("w", ev.period("2027-01"))).toBe(100);
    expect(ctx.value("w", ev.period("FY2026-Q3"))).toBe(8);
    expect(ctx.value("w", ev.period("FY2026-Q4"))).toBe(100);
  });

  it("fiscal Q4 crosses the calendar year (April start): January–March of the next year", () => {
    const ev = evaluator(
      [{ id: "x", role: "kpi" }],
      rows("x", { "2026-12-31": 5, "2027-01-15": 7, "2027-03-31": 11, "2027-04-01": 13 }),
    );
    const ctx = ev.context("2027-12-31");
    expect(ctx.value("x", ev.period("FY2026-Q4"))).toBe(18);
    expect(ctx.value("x", ev.period("FY2026"))).toBe(23);
    expect(ctx.value("x", ev.period("FY2027-Q1"))).toBe(13);
  });

  it("a calendar starting in January makes FY2026-Q1 January–March 2026", () => {
    const ev = evaluator(
      [{ id: "x", role: "kpi" }],
      rows("x", { "2026-01-10": 1, "2026-03-31": 2, "2026-04-01": 4 }),
      {
        calendar: { fiscalYearStart: 1 },
      },
    );
    expect(ev.context("2026-12-31").value("x", ev.period("FY2026-Q1"))).toBe(3);
  });

  it("missing data is no value, zero is a value", () => {
    const ev = evaluator(
      [
        { id: "empty", role: "kpi" },
        { id: "zero", role: "kpi" },
      ],
      rows("zero", { "2026-04-03": 0 }),
    );
    const doc = ev.evaluate({ period: "2026-04", asOf: "2026-04-30" });
    const empty = doc.nodes.find((n) => n.id === "empty")!;
    const zero = doc.nodes.find((n) => n.id === "zero")!;
    expect(empty.actual).toBeNull();
    expect(empty.reason).toBe("no_data");
    expect(zero.actual).toBe(0);
    expect(zero.coverage).toBeCloseTo(1 / 30, 12);
  });

  it("data after the as-of day is not known yet", () => {
    const ev = evaluator([{ id: "x", role: "kpi" }], rows("x", { "2026-04-10": 5, "2026-04-20": 7 }));
    expect(ev.context("2026-04-15").value("x", ev.period("2026-04"))).toBe(5);
    expect(ev.context("2026-04-20").value("x", ev.period("2026-04"))).toBe(12);
  });

  it("monthly data cannot make a weekly value: no value, with the reason", () => {
    const ev = evaluator(
      [{ id: "x", role: "kpi", grain: "month", cadence: "month" }],
      rows("x", { "2026-04": 5 }),
    );
    const doc = ev.evaluate({ period: "2026-W15", asOf: "2026-12-31" });
    expect(doc.nodes[0]!.actual).toBeNull();
    expect(doc.nodes[0]!.reason).toBe("grain_coarser_than_period");
  });
});

describe("roll-up across segments", () => {
  const nodes = [
    { id: "leads", role: "kpi" as const, grain: "month" as const, cadence: "month" as const },
    { id: "customers", role: "kpi" as const, grain: "month" as const, aggregation: "last" as const },
    { id: "opening", role: "kpi" as const, grain: "month" as const, aggregation: "first" as const },
    { id: "win_rate", role: "kpi" as const, grain: "month" as const, aggregation: "average" as const },
    { id: "won", role: "kpi" as const, cadence: "month" as const, formula: "leads * win_rate" },
  ];
  const data = [
    ...rows("leads", { "2026-04": 10, "2026-05": 20 }, "web"),
    ...rows("leads", { "2026-04": 5 }, "event"),
    ...rows("customers", { "2026-04": 100, "2026-05": 110 }, "basic"),
    ...rows("customers", { "2026-04": 50 }, "pro"),
    ...rows("opening", { "2026-04": 100, "2026-05": 110 }, "basic"),
    ...rows("opening", { "2026-05": 40 }, "pro"),
    ...rows("win_rate", { "2026-04": 0.2 }),
  ];

  it.each([
    ["leads", null, 35],
    ["leads", "web", 30],
    ["leads", "event", 5],
    ["leads", "partner", null],
    // A stock across segments: each segment's own last value, summed (110 + 50).
    ["customers", null, 160],
    ["customers", "pro", 50],
    ["opening", null, 140],
    // A node recorded without segments counts in full for every segment.
    ["won", "web", 6],
    ["won", null, 7],
  ])("%s for segment %s over FY2026-Q1 is %s", (id, segment, expected) => {
    const ev = evaluator(nodes, data);
    expect(ev.context(AFTER_Q1, segment).value(id, ev.period(Q1))).toBe(expected);
  });
});

describe("computed rates are ratios of sums (SEMANTICS §2.1)", () => {
  it("conversion rate over a quarter is Σleads / Σvisitors, never the mean of monthly rates", () => {
    const ev = evaluator(
      [
        { id: "leads", role: "kpi", grain: "month" },
        { id: "visitors", role: "kpi", grain: "month" },
        { id: "cvr", role: "kpi", unit: "percent", formula: "leads / visitors" },
      ],
      [
        ...rows("leads", { "2026-04": 10, "2026-05": 90 }),
        ...rows("visitors", { "2026-04": 1000, "2026-05": 3000 }),
      ],
    );
    // 100 / 4000 = 2.5 %; the mean of 1 % and 3 % would be 2 %.
    expect(ev.context(AFTER_Q1).value("cvr", ev.period(Q1))).toBe(0.025);
  });

  it("NPS from counts: (promoters − detractors) / responses × 100", () => {
    const ev = evaluator(
      [
        { id: "promoters", role: "kpi", grain: "month" },
        { id: "detractors", role: "kpi", grain: "month" },
        { id: "responses", role: "kpi", grain: "month" },
        { id: "nps", role: "kpi", unit: "score", formula: "(promoters - detractors) / responses * 100" },
      ],
      [
        ...rows("promoters", { "2026-04": 30, "2026-05": 100 }),
        ...rows("detractors", { "2026-04": 10, "2026-05": 20 }),
        ...rows("responses", { "2026-04": 50, "2026-05": 150 }),
      ],
    );
    const ctx = ev.context(AFTER_Q1);
    expect(ctx.value("nps", ev.period("2026-04"))).toBe(40);
    // (130 − 30) / 200 × 100 = 50; the mean of the monthly 40 and 53.3 would be 46.7.
    expect(ctx.value("nps", ev.period(Q1))).toBe(50);
  });

  it("churn rate uses customers at the start of the period (`first`)", () => {
    const ev = evaluator(
      [
        { id: "churned", role: "kpi", grain: "month", direction: "down" },
        { id: "customers_start", role: "kpi", grain: "month", aggregation: "first" },
        {
          id: "churn_rate",
          role: "kpi",
          unit: "percent",
          direction: "down",
          formula: "churned / customers_start",
        },
      ],
      [
        ...rows("churned", { "2026-04": 2, "2026-05": 3, "2026-06": 5 }),
        ...rows("customers_start", { "2026-04": 100, "2026-05": 110, "2026-06": 120 }),
      ],
    );
    const ctx = ev.context(AFTER_Q1);
    expect(ctx.value("churn_rate", ev.period(Q1))).toBe(0.1);
    expect(ctx.value("churn_rate", ev.period("2026-05"))).toBe(3 / 110);
  });

  it("division by zero and a missing input give no value with the reason", () => {
    const ev = evaluator(
      [
        { id: "a", role: "kpi" },
        { id: "b", role: "kpi" },
        { id: "c", role: "kpi" },
        { id: "ratio", role: "kpi", formula: "a / b" },
        { id: "product", role: "kpi", formula: "a * c" },
      ],
      [...rows("a", { "2026-04-01": 5 }), ...rows("b", { "2026-04-01": 0 })],
    );
    const doc = ev.evaluate({ period: "2026-04", asOf: "2026-04-30" });
    const byId = Object.fromEntries(doc.nodes.map((n) => [n.id, n]));
    expect(byId.ratio!.actual).toBeNull();
    expect(byId.ratio!.reason).toBe("division_by_zero");
    expect(byId.product!.actual).toBeNull();
    expect(byId.product!.reason).toBe("missing_input");
  });
});

describe("measured and computed at once (SEMANTICS §2.3)", () => {
  it("actual is the measured value, modeled the formula's, modelGap their difference", () => {
    const ev = evaluator(
      [
        { id: "revenue", role: "kgi", grain: "month", aggregation: "sum", formula: "deals * deal_size" },
        { id: "deals", role: "kpi", grain: "month" },
        { id: "deal_size", role: "kpi", grain: "month", aggregation: "average" },
      ],
      [
        ...rows("revenue", { "2026-04": 1_100_000 }),
        ...rows("deals", { "2026-04": 2 }),
        ...rows("deal_size", { "2026-04": 500_000 }),
      ],
    );
    const revenue = ev.evaluate({ period: "2026-04", asOf: "2026-05-01" }).nodes[0]!;
    expect(revenue.actual).toBe(1_100_000);
    expect(revenue.modeled).toBe(1_000_000);
    expect(revenue.modelGap).toBe(100_000);
    expect(revenue.actualSource).toBe("measured");
  });

  it("without measured data the modeled value stands in, marked as modeled", () => {
    const ev = evaluator(
      [
        { id: "revenue", role: "kgi", grain: "month", aggregation: "sum", formula: "deals * 10" },
        { id: "deals", role: "kpi", grain: "month" },
      ],
      rows("deals", { "2026-04": 3 }),
    );
    const revenue = ev.evaluate({ period: "2026-04", asOf: "2026-05-01" }).nodes[0]!;
    expect(revenue.actual).toBe(30);
    expect(revenue.actualSource).toBe("modeled");
    expect(revenue.modelGap).toBeNull();
  });
});

describe("coverage", () => {
  it("days with data / days elapsed", () => {
    const ev = evaluator(
      [{ id: "visitors", role: "kpi" }],
      daily("visitors", "2026-04-01", 5, () => 1).concat(rows("visitors", { "2026-04-08": 1 })),
    );
    const n = ev.evaluate({ period: Q1, asOf: "2026-04-10" }).nodes[0]!;
    expect(n.coverage).toBeCloseTo(0.6, 12);
  });

  it("a monthly node is paced on the months that have data or have ended", () => {
    const ev = evaluator(
      [{ id: "revenue", role: "kgi", grain: "month", cadence: "quarter", targets: { [Q1]: { value: 91 } } }],
      rows("revenue", { "2026-04": 60 }),
    );
    const n = ev.evaluate({ period: Q1, asOf: "2026-05-15" }).nodes[0]!;
    expect(n.coverage).toBe(1);
    expect(n.elapsedShare).toBeCloseTo(30 / 91, 12);
    expect(n.forecast).toBeCloseTo(60 / (30 / 91), 9);
    expect(n.expectedToDate).toBeCloseTo(30, 9);
  });
});
