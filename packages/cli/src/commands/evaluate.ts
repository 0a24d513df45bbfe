import { presentEvaluation } from "@shihyo/engine";
import { colors, formatShare, formatStatus, formatValue, printable, table } from "../format.js";
import { loadPlan, required } from "../loadPlan.js";
import type { CommandInput } from "../main.js";

export async function evaluate(input: CommandInput): Promise<number> {
  const loaded = await loadPlan(input);
  const { evaluator, messages: m, lang } = loaded;
  const period = required(input, "period", m);
  const segment = (input.options.segment as string | undefined) ?? null;
  const document = presentEvaluation(evaluator.evaluate({ period, asOf: loaded.asOf, segment }));
  if (input.options.json) {
    input.output.out(JSON.stringify(document, null, 2));
    return 0;
  }
  const c = colors(input.env.color);
  const rows = [[m.node(), m.actual(), m.target(), m.progress(), m.expected(), m.forecast(), m.status()]];
  for (const n of document.nodes) {
    const unit = loaded.prepared.byId.get(n.id)!.source.unit;
    rows.push([
      n.id,
      formatValue(n.actual, unit, lang),
      `${formatValue(n.target, unit, lang)}${n.derivedTarget ? `*` : ""}`,
      formatShare(n.progress, lang),
      formatValue(n.expectedToDate, unit, lang),
      formatValue(n.forecast, unit, lang),
      formatStatus(n.status, m, c),
    ]);
  }
  input.output.out(
    m.treeHeading({ name: printable(loaded.plan.name), period: document.period, asOf: document.asOf }),
  );
  input.output.out(table(rows, [false, true, true, true, true, true, false]));
  // The footnote explains the "*" of derived targets, when there is one.
  if (document.nodes.some((n) => n.derivedTarget)) input.output.out(c.dim(`* ${m.derived()}`));
  return 0;
}
