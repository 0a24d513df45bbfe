/**
 * KPI files and data files the end-to-end tests write to disk, with the numbers they imply
 * worked out by hand in the comments (SEMANTICS §9 and the examples of INTERFACES §3).
 */

/**
 * The article's tree (SEMANTICS §9): revenue = leads × win_rate × deal_size, leads =
 * visitors × cvr, win_rate = opp_rate × close_rate; monthly targets visitors 10,000,
 * cvr 1 %, opp_rate 50 %, close_rate 40 %; revenue FY2026-Q1 30,000,000.
 * Per quarter: leads 300, win rate 20 % → 60 deals, so the tree adds up only with a deal
 * size of 500,000; with `dealSize` 250,000 it implies 15,000,000 (gap 15,000,000, 50 %).
 * Every line of the file is fixed, so error positions can be asserted.
 */
export function articleYaml(dealSize: number, extra = ""): string {
  const months = (value: number) => `{ 2026-04: ${value}, 2026-05: ${value}, 2026-06: ${value} }`;
  return `version: 1
name: Article tree
calendar:
  locale: en
nodes:
  - id: revenue
    role: kgi
    name: Quarterly revenue
    definition: Revenue booked in the quarter, excluding tax
    unit: JPY
    cadence: quarter
    formula: leads * win_rate * deal_size
    owner: sales-head
    targets: { FY2026-Q1: 30000000 }
  - id: leads
    role: kpi
    parent: revenue
    definition: New contacts per month
    unit: count
    cadence: month
    formula: visitors * cvr
    owner: marketing-head
    targets: ${months(100)}
  - id: visitors
    role: kpi
    parent: leads
    definition: Web sessions
    unit: count
    cadence: month
    grain: month
    aggregation: sum
    owner: web-lead
    targets: ${months(10000)}
  - id: cvr
    role: kpi
    parent: leads
    definition: Share of sessions that became leads
    unit: percent
    cadence: month
    grain: month
    aggregation: average
    owner: web-lead
    targets: ${months(0.01)}
  - id: win_rate
    role: kpi
    parent: revenue
    definition: Share of leads won
    unit: percent
    cadence: month
    formula: opp_rate * close_rate
    owner: sales-head
    targets: ${months(0.2)}
  - id: opp_rate
    role: kpi
    parent: win_rate
    definition: Share of leads that became opportunities
    unit: percent
    cadence: month
    grain: month
    aggregation: average
    owner: inside-sales
    targets: ${months(0.5)}
  - id: close_rate
    role: kpi
    parent: win_rate
    definition: Share of opportunities won
    unit: percent
    cadence: month
    grain: month
    aggregation: average
    owner: field-sales
    targets: ${months(0.4)}
  - id: deal_size
    role: kpi
    parent: revenue
    definition: Average first-year contract value
    unit: JPY
    cadence: month
    grain: month
    aggregation: average
    owner: sales-head
    targets: ${months(dealSize)}
${extra}`;
}

/**
 * Actuals for the article tree, one row a month of FY2026-Q1 (wide shape), seen after the
 * quarter (as of 2026-07-15, so every status is final):
 * visitors 8,000 × 3 = 24,000 vs 30,000 (−20 %: off track); cvr 1 % (achieved);
 * leads 24,000 × 1 % = 240 vs 300 (off track); opp_rate 50 % (achieved); close_rate 38 % vs
 * 40 % (−5 %, inside the default 10 % tolerance: at risk); win_rate 50 % × 38 % = 19 % vs
 * 20 % (at risk); deal_size 500,000 vs 250,000 (achieved);
 * revenue 240 × 19 % × 500,000 = 22,800,000 vs 30,000,000 (76 %: off track).
 */
export const ARTICLE_ACTUALS_CSV = `period,visitors,cvr,opp_rate,close_rate,deal_size
2026-04,8000,1%,50%,38%,500000
2026-05,8000,1%,50%,38%,500000
2026-06,8000,1%,50%,38%,500000
`;

/**
 * INTERFACES' `eval --json` example: revenue measured daily (sum), quarterly cadence,
 * FY2026-Q1 target 30,000,000, no formula.
 */
export const DAILY_REVENUE_YAML = `version: 1
name: Daily revenue
calendar:
  locale: en
nodes:
  - id: revenue
    role: kgi
    definition: Revenue booked per day
    unit: JPY
    cadence: quarter
    grain: day
    aggregation: sum
    owner: sales-head
    targets: { FY2026-Q1: 30000000 }
`;

const isoDay = (start: number, offset: number) =>
  new Date(start + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * 12,000,000 over every day of 2026-04-01..2026-05-15 (45 days): 200,000 on each of April's
 * 30 days, 400,000 on each of May's first 15. As of 2026-05-15 in FY2026-Q1 (91 days):
 * e = 45/91; progress 0.4; expected 30,000,000 × 45/91 = 14,835,164.835…;
 * forecast 12,000,000 × 91/45 = 24,266,666.67 (pace), which misses 30,000,000 by 19 %
 * (> 10 %): off track; coverage 45/45 = 1.
 */
export function dailyRevenueCsv(): string {
  const start = Date.UTC(2026, 3, 1);
  const rows = ["node,period,value"];
  for (let i = 0; i < 45; i++) rows.push(`revenue,${isoDay(start, i)},${i < 30 ? 200000 : 400000}`);
  return `${rows.join("\n")}\n`;
}

/**
 * INTERFACES' `sensitivity --json` example: revenue = visitors × cvr × opp_rate × close_rate
 * × deal_size with actuals visitors 8,000 a month (24,000 a quarter), cvr 1 %, opp_rate 50 %,
 * close_rate 40 %, deal_size 500,000 → 24,000 × 0.01 × 0.5 × 0.4 × 500,000 = 24,000,000
 * against 30,000,000. For a product every elasticity is 1 and every +10 % adds 2,400,000;
 * each lever alone needs 30/24 = 1.25 × its value.
 */
export const SENSITIVITY_YAML = `version: 1
name: Funnel
calendar:
  locale: en
nodes:
  - id: revenue
    role: kgi
    unit: JPY
    cadence: quarter
    formula: visitors * cvr * opp_rate * close_rate * deal_size
    targets: { FY2026-Q1: 30000000 }
  - { id: visitors, role: kpi, parent: revenue, unit: count, cadence: month, grain: month, aggregation: sum }
  - { id: cvr, role: kpi, parent: revenue, unit: percent, cadence: month, grain: month, aggregation: average }
  - { id: opp_rate, role: kpi, parent: revenue, unit: percent, cadence: month, grain: month, aggregation: average }
  - { id: close_rate, role: kpi, parent: revenue, unit: percent, cadence: month, grain: month, aggregation: average }
  - { id: deal_size, role: kpi, parent: revenue, unit: JPY, cadence: month, grain: month, aggregation: average }
`;

export const SENSITIVITY_CSV = `period,visitors,cvr,opp_rate,close_rate,deal_size
2026-04,8000,1%,50%,40%,500000
2026-05,8000,1%,50%,40%,500000
2026-06,8000,1%,50%,40%,500000
`;

/**
 * Levers with different impacts, one negative: r = a² × b − c + d with a 10, b 2,000,
 * c 150,000, d 10,000 → r = 200,000 − 150,000 + 10,000 = 60,000, target 70,000.
 * +10 %: a → 1.21 × 200,000 − 200,000 = +42,000; b → +20,000; c → −15,000; d → +1,000,
 * so by absolute impact: a, b, c, d (c, negative, before the smaller positive d).
 * Elasticities: a 2 × 200,000 / 60,000 = 6.666…; b 200,000 / 60,000 = 3.333…;
 * c −150,000 / 60,000 = −2.5; d 10,000 / 60,000 = 0.1666….
 * Alone: a² × 2,000 = 210,000 → a = √105 = 10.2469507659…; b × 100 = 210,000 → 2,100;
 * 210,000 − c = 70,000 → c = 140,000; 50,000 + d = 70,000 → d = 20,000.
 */
export const LEVERS_YAML = `version: 1
name: Levers
calendar:
  locale: en
nodes:
  - id: r
    role: kgi
    cadence: quarter
    formula: a^2 * b - c + d
    targets: { FY2026-Q1: 70000 }
  - { id: a, role: kpi, parent: r, cadence: quarter, grain: quarter, aggregation: last }
  - { id: b, role: kpi, parent: r, cadence: quarter, grain: quarter, aggregation: last }
  - { id: c, role: kpi, parent: r, cadence: quarter, grain: quarter, aggregation: last }
  - { id: d, role: kpi, parent: r, cadence: quarter, grain: quarter, aggregation: last }
`;

export const LEVERS_CSV = `node,period,value
a,FY2026-Q1,10
b,FY2026-Q1,2000
c,FY2026-Q1,150000
d,FY2026-Q1,10000
`;

/** The five department templates of `shihyo init` (INTERFACES §3). */
export const TEMPLATE_NAMES = ["marketing", "sales", "customer-success", "product", "saas"] as const;

/** The linter's rules (SEMANTICS §8). */
export const RULE_IDS = [
  "S1",
  "S2",
  "M1",
  "M2",
  "A1",
  "A2",
  "R1",
  "R2",
  "T1",
  "T2",
  "K1",
  "H1",
  "H2",
  "H3",
] as const;
