import { analyzeMessages, closestMatch, explainValue, grainName, presentExplanation } from "@shihyo/engine";
import { formatShare, formatValue } from "../format.js";
import { loadPlan, required } from "../loadPlan.js";
import type { CommandInput } from "../main.js";

/** How a node's numbers were computed: the data rolled up, or the formula and its inputs. */
export async function explain(input: CommandInput): Promise<number> {
  const loaded = await loadPlan(input);
  const { evaluator, messages: m, lang, prepared } = loaded;
  const node = required(input, "node", m);
  const period = required(input, "period", m);
  evaluator.period(period);
  if (!prepared.byId.has(node)) {
    input.output.err(
      analyzeMessages[lang]["solve.unknownNode"]({
        id: node,
        suggestion: closestMatch(node, prepared.byId.keys()),
      }),
    );
    return 2;
  }
  const segment = (input.options.segment as string | undefined) ?? null;
  const x = explainValue(evaluator, { node, period, asOf: loaded.asOf, segment });
  if (input.options.json) {
    input.output.out(JSON.stringify(presentExplanation(x), null, 2));
    return 0;
  }
  const unitOf = (id: string) => prepared.byId.get(id)?.source.unit;
  const unit = unitOf(node);
  const named = (names: Record<string, string>, key: string | null) =>
    key ? m.aside({ text: names[key] ?? key }) : "";
  const lines = [`${node} ${x.period} (${x.asOf})`];
  lines.push(`  ${m.actual()}: ${formatValue(x.value, unit, lang)}${named(m.reasonNames, x.reason)}`);
  if (x.kind === "measured") {
    const recorded = m.explainRecords({
      aggregation: m.aggregationNames[x.aggregation ?? "sum"] ?? String(x.aggregation),
      grain: grainName(x.grain ?? "day", lang),
      records: x.records ?? 0,
      coverage: x.coverage !== null ? formatShare(x.coverage, lang) : null,
    });
    lines.push(`    ${recorded}`);
  }
  if (x.formula) {
    // A node that is only computed shows "= formula"; one that is also measured shows its model.
    const computedOnly = !prepared.byId.get(node)!.measured;
    lines.push(
      `    ${computedOnly ? "=" : `${m.model()}:`} ${x.formula}${x.modeled !== null ? ` = ${formatValue(x.modeled, unit, lang)}` : ""}`,
    );
    for (const i of x.inputs) lines.push(`      ${i.id} = ${formatValue(i.value, unitOf(i.id), lang)}`);
  }
  lines.push(
    `  ${m.target()}: ${formatValue(x.target.value, unit, lang)}${named(m.targetSourceNames, x.target.source)}`,
  );
  for (const f of x.target.from)
    lines.push(`      ${f.id} ${f.period} = ${formatValue(f.value, unitOf(f.id), lang)}`);
  lines.push(
    `  ${m.forecast()}: ${formatValue(x.forecast.value, unit, lang)}${named(m.forecastMethodNames, x.forecast.method)}`,
  );
  input.output.out(lines.join("\n"));
  return 0;
}
