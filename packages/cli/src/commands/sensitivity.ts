import { sensitivity as analyze, presentSensitivity, type SensitivityBasis } from "@shihyo/engine";
import { formatNumber, formatValue, table } from "../format.js";
import { loadPlan, required } from "../loadPlan.js";
import { type CommandInput, UsageError } from "../main.js";

const BASES: readonly SensitivityBasis[] = ["actual", "forecast", "target"];

export async function sensitivity(input: CommandInput): Promise<number> {
  const loaded = await loadPlan(input);
  const { evaluator, messages: m, lang, prepared } = loaded;
  const node = required(input, "node", m);
  const period = evaluator.period(required(input, "period", m));
  const basis = (input.options.basis as string | undefined) ?? "actual";
  if (!BASES.includes(basis as SensitivityBasis)) throw new UsageError(m.badBasis({ value: basis }));
  const result = analyze(evaluator, { node, period, asOf: loaded.asOf, basis: basis as SensitivityBasis });
  const presented = presentSensitivity(result);
  if (input.options.json) {
    input.output.out(JSON.stringify(presented, null, 2));
    return 0;
  }
  const unitOf = (id: string) => prepared.byId.get(id)?.source.unit;
  const rootUnit = unitOf(result.node);
  input.output.out(
    m.sensitivityHeading({
      node,
      period: period.id,
      value: formatValue(presented.value, rootUnit, lang),
      target: formatValue(presented.target, rootUnit, lang),
    }),
  );
  const rows = [[m.lever(), m.value(), m.elasticity(), m.impact(), m.required(), m.change()]];
  for (const l of presented.levers) {
    rows.push([
      l.id,
      formatValue(l.value, unitOf(l.id), lang),
      formatNumber(l.elasticity, lang, 3),
      formatValue(l.impactOf10pct, rootUnit, lang),
      formatValue(l.requiredValue, unitOf(l.id), lang),
      formatValue(l.requiredChange, unitOf(l.id), lang),
    ]);
  }
  input.output.out(table(rows, [false, true, true, true, true, true]));
  return 0;
}
