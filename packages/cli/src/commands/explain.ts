import { explainValue, grainName, roundForDisplay } from "@shihyo/engine";
import { formatValue } from "../format.js";
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
    const { closestMatch } = await import("@shihyo/engine");
    const { analyzeMessages } = await import("@shihyo/engine");
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
    input.output.out(
      JSON.stringify(
        {
          ...x,
          value: roundForDisplay(x.value),
          modeled: roundForDisplay(x.modeled),
          coverage: roundForDisplay(x.coverage),
          inputs: x.inputs.map((i) => ({ ...i, value: roundForDisplay(i.value) })),
          target: {
            ...x.target,
            value: roundForDisplay(x.target.value),
            from: x.target.from.map((f) => ({ ...f, value: roundForDisplay(f.value) })),
          },
          forecast: { ...x.forecast, value: roundForDisplay(x.forecast.value) },
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const unitOf = (id: string) => prepared.byId.get(id)?.source.unit;
  const unit = unitOf(node);
  const lines = [`${node} ${x.period} (${x.asOf})`];
  lines.push(`  ${m.actual()}: ${formatValue(x.value, unit, lang)}${x.reason ? ` (${x.reason})` : ""}`);
  if (x.kind === "measured")
    lines.push(
      `    = ${x.aggregation} / ${grainName(x.grain ?? "day", lang)} × ${x.records}${x.coverage !== null ? `, coverage ${Math.round(x.coverage * 1000) / 10}%` : ""}`,
    );
  if (x.formula) {
    lines.push(
      `    ${x.kind === "computed" ? "=" : "model:"} ${x.formula}${x.modeled !== null ? ` = ${formatValue(x.modeled, unit, lang)}` : ""}`,
    );
    for (const i of x.inputs) lines.push(`      ${i.id} = ${formatValue(i.value, unitOf(i.id), lang)}`);
  }
  lines.push(
    `  ${m.target()}: ${formatValue(x.target.value, unit, lang)}${x.target.source ? ` (${x.target.source})` : ""}`,
  );
  for (const f of x.target.from)
    lines.push(`      ${f.id} ${f.period} = ${formatValue(f.value, unitOf(f.id), lang)}`);
  lines.push(
    `  ${m.forecast()}: ${formatValue(x.forecast.value, unit, lang)}${x.forecast.method ? ` (${x.forecast.method})` : ""}`,
  );
  input.output.out(lines.join("\n"));
  return 0;
}
