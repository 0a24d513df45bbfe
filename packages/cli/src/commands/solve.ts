import { presentSolve, solveTarget } from "@shihyo/engine";
import { formatValue } from "../format.js";
import { loadPlan, required } from "../loadPlan.js";
import { type CommandInput, UsageError } from "../main.js";

export async function solve(input: CommandInput): Promise<number> {
  const loaded = await loadPlan(input);
  const { evaluator, messages: m, lang, prepared } = loaded;
  const node = required(input, "node", m);
  const lever = required(input, "for", m);
  const period = evaluator.period(required(input, "period", m));
  const shapeName = (input.options.shape as string | undefined) ?? "even";
  if (shapeName !== "even" && shapeName !== "last-year")
    throw new UsageError(m.badShape({ value: shapeName }));
  const shape = shapeName === "last-year" ? evaluator.lastYearShape(lever, period) : undefined;
  const result = solveTarget(prepared, evaluator.targets, {
    node,
    for: lever,
    period,
    ...(shape ? { shape } : {}),
  });
  // Asked for last year's shape without the data for it: say so (stderr) rather than silently split evenly.
  if (
    shapeName === "last-year" &&
    !shape &&
    result.monthly &&
    prepared.byId.get(lever)?.aggregation === "sum"
  )
    input.output.err(m.noLastYearShape({ lever, period: period.id }));
  const presented = presentSolve(result, lang);
  const note = presented.note ?? null;
  if (input.options.json) {
    input.output.out(JSON.stringify(presented, null, 2));
    return 0;
  }
  const unit = prepared.byId.get(lever)?.source.unit;
  if (presented.value === null) {
    input.output.out(note ?? m.noSolution());
    return 0;
  }
  const value = formatValue(presented.value, unit, lang);
  input.output.out(
    // Japanese needs no space before its full-width parenthesis.
    `${m.solved({ lever, period: period.id, value })}${lang === "ja" ? "" : " "}${presented.unique ? m.solvedUnique() : ""}`.trimEnd(),
  );
  if (note) input.output.out(note);
  if (presented.monthly) {
    input.output.out(m.perPeriod());
    for (const [p, v] of Object.entries(presented.monthly))
      input.output.out(`  ${p}  ${formatValue(v, unit, lang)}`);
  }
  return 0;
}
