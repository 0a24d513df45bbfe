/**
 * The engine benchmark (issue goals: recalc ≥ 20× faster than HyperFormula, within 5× of
 * the floor).
 *
 * (a) Full evaluation of the generated plan (1,000 nodes, 51 periods: 36 months, 12 fiscal
 *     quarters, 3 fiscal years, from ≈ 657,600 daily rows), as of the day after the last
 *     data, each sample in a fresh context:
 *     - evalMs: `context.slot(period)` for the 51 periods (every node's values);
 *     - assessMs: `evaluator.evaluate({period, asOf})` for the 51 periods (values plus
 *       targets, progress, forecast, status: the `eval --json` work).
 * (b) Recalc after one daily value of a deep leaf changes: `context.update(...)` on the
 *     context holding the 51 periods, then every affected value read back; the value
 *     alternates between two numbers so each call is a real change. Median per call.
 *
 * Baselines, for the same single change and read-back:
 * - HyperFormula with the whole model and all daily data (see hyperformulaBaseline.ts);
 * - the floor: hand-written Float64Array loops (see floor.ts).
 * The floor's values must equal the engine's for every node and period, before and after
 * the edits (1e-9 relative), and HyperFormula's the floor's (1e-6: it rounds to 14 digits):
 * otherwise the bench fails rather than compare different models.
 */
import { type EvaluationContext, Evaluator, type Period, preparePlan, toDay } from "@shihyo/engine";
import type { BenchModule, JsonValue } from "./benchModule.js";
import { FloorModel } from "./floor.js";
import { type BenchModel, formulaMix, generatePlan, measurementsOf } from "./generatePlan.js";
import { HYPERFORMULA_MODEL, HyperFormulaModel } from "./hyperformulaBaseline.js";
import {
  close,
  collectGarbage,
  gcExposed,
  interleavedMedianMs,
  medianMs,
  significant,
  sink,
  timeMs,
} from "./measure.js";

/** The day edited by the recalc bench: inside FY2024-Q4 (month, quarter and year slots). */
const EDITED_DAY = "2025-02-14";
const ENGINE_TOLERANCE = 1e-9;
const HYPERFORMULA_TOLERANCE = 1e-6;
const GOAL_SPEEDUP_VS_HYPERFORMULA = 20;
const GOAL_RATIO_TO_FLOOR = 5;

export const engineBench: BenchModule = {
  key: "engine",
  description: "engine evaluation and recalculation vs HyperFormula and a hand-written floor",
  run: async (log) => runEngineBench(log),
};

/** Compares every node and period of the engine's context with the floor; throws on a difference. */
function assertSameValues(
  what: string,
  model: BenchModel,
  read: (node: number, slot: number) => number,
  floor: FloorModel,
  tolerance: number,
): void {
  const differences: string[] = [];
  let compared = 0;
  for (const node of model.nodes) {
    for (let s = 0; s < model.periods.length; s++) {
      const a = read(node.index, s);
      const b = floor.value(node.index, s);
      compared++;
      if (!close(a, b, tolerance)) differences.push(`${node.id} ${model.periods[s]!.id}: ${a} vs floor ${b}`);
    }
  }
  if (differences.length > 0)
    throw new Error(
      `${what} differs from the floor in ${differences.length} of ${compared} values ` +
        `(tolerance ${tolerance} relative):\n  ${differences.slice(0, 20).join("\n  ")}`,
    );
}

async function runEngineBench(log: (line: string) => void): Promise<{ [key: string]: JsonValue }> {
  if (!gcExposed()) log("  note: global.gc is not exposed (run with --expose-gc for steadier numbers)");

  // The model and its data.
  const generated = timeMs(() => generatePlan());
  const model = generated.result;
  const rows = measurementsOf(model);
  const leaves = model.nodes.filter((n) => n.aggregation !== null).length;
  log(
    `  plan: ${model.nodes.length} nodes (${model.nodes.length - leaves} computed, ${leaves} measured), ` +
      `${model.periods.length} periods, ${rows.length.toLocaleString("en")} daily rows ` +
      `(generated in ${generated.ms.toFixed(0)} ms, seed ${model.seed})`,
  );
  log(`  formula operators: ${JSON.stringify(formulaMix(model))}`);

  const prepared = preparePlan(model.plan);
  if (!prepared.ok)
    throw new Error(`generated plan is invalid:\n${prepared.issues.map((i) => i.text("en")).join("\n")}`);
  const loaded = timeMs(() => new Evaluator(prepared.prepared, rows));
  const evaluator = loaded.result;
  log(
    `  engine: plan prepared, ${rows.length.toLocaleString("en")} rows loaded in ${loaded.ms.toFixed(0)} ms`,
  );
  rows.length = 0;

  const asOf = toDay(model.asOf);
  const firstDay = toDay(model.dayIds[0]!);
  const periods: Period[] = model.periods.map((p) => evaluator.period(p.id));
  periods.forEach((period, s) => {
    const mine = model.periods[s]!;
    if (period.start - firstDay !== mine.first || period.end - firstDay !== mine.last)
      throw new Error(`period ${mine.id}: the engine's days differ from the bench's`);
  });

  // The floor, built from the bench's own expressions (not the engine's).
  const floor = new FloorModel(model);
  collectGarbage();
  const floorEvalMs = medianMs(() => floor.evaluateAll(), { warmup: 3, samples: 9 });

  // (a) Full evaluation; a fresh context per sample: a different as-of day after the data.
  collectGarbage();
  let freshDay = asOf + 1;
  const evalMs = medianMs(
    () => {
      const context = evaluator.context(freshDay++);
      for (const period of periods) context.slot(period);
      sink.value += context.actual[0]![0]!;
    },
    { warmup: 2, samples: 7, gcEachSample: true },
  );
  const assessMs = medianMs(
    () => {
      const day = freshDay++;
      for (const period of periods) sink.value += evaluator.evaluate({ period, asOf: day }).nodes.length;
    },
    { warmup: 1, samples: 5, gcEachSample: true },
  );
  log(`  full evaluation, 51 periods: values ${evalMs.toFixed(1)} ms, assessments ${assessMs.toFixed(1)} ms`);

  // The context the recalcs run on, holding the 51 periods; it must equal the floor.
  const context: EvaluationContext = evaluator.context(asOf);
  periods.forEach((period, s) => {
    if (context.slot(period) !== s) throw new Error(`slot of ${period.id} is not ${s}`);
  });
  floor.evaluateAll();
  const read = (node: number, slot: number) => context.actual[node]![slot]!;
  assertSameValues("the engine", model, read, floor, ENGINE_TOLERANCE);
  log(`  verified: engine = floor for all ${model.nodes.length * model.periods.length} node-periods`);

  // (b) Recalc. The edited leaf: the deepest one with the most nodes downstream.
  const leaf = model.nodes
    .filter((n) => n.aggregation !== null)
    .reduce((best, n) =>
      n.depth > best.depth ||
      (n.depth === best.depth && floor.downstream[n.index]!.length > floor.downstream[best.index]!.length)
        ? n
        : best,
    );
  const day = model.dayIds.indexOf(EDITED_DAY);
  const original = model.daily[leaf.index]![day]!;
  const alternatives = [Math.round(original * 101) / 100, Math.round(original * 102) / 100];
  const measurements = alternatives.map((value) => ({ node: leaf.id, period: EDITED_DAY, value }));
  const downstream = floor.downstream[leaf.index]!;
  const expectedAffected = 3 * (1 + downstream.length);
  log(
    `  recalc: ${leaf.id} (depth ${leaf.depth}, ${leaf.aggregation}), day ${EDITED_DAY}: ` +
      `${downstream.length} nodes downstream × 3 periods = ${expectedAffected} values`,
  );

  const first = context.update(measurements[0]!);
  const engineCells = Array.from(
    { length: first.count },
    (_, k) => `${first.nodes[k]}@${first.slots[k]}`,
  ).sort();
  const floorCells = model.periods
    .flatMap((p, s) =>
      p.first <= day && day <= p.last ? [leaf.index, ...downstream].map((n) => `${n}@${s}`) : [],
    )
    .sort();
  if (engineCells.join() !== floorCells.join())
    throw new Error(
      `the engine recalculated ${engineCells.length} node-periods, the floor ${floorCells.length}: ` +
        `engine [${engineCells.join(" ")}], floor [${floorCells.join(" ")}]`,
    );
  // Engine and floor sampled in turn, so that the machine's load weighs on both alike.
  const recalcOptions = { warmup: 3000, samples: 1000, batch: 10 };
  collectGarbage();
  const [recalcMs, floorMs] = interleavedMedianMs(
    [
      (call) => {
        const { count, nodes, slots } = context.update(measurements[call & 1]!);
        let sum = 0;
        for (let k = 0; k < count; k++) sum += context.actual[nodes[k]!]![slots[k]!]!;
        sink.value += sum;
      },
      (call) => {
        sink.value += floor.update(leaf.index, day, alternatives[call & 1]!).readBack;
      },
    ],
    recalcOptions,
  ) as [number, number];

  // Both end on the same value; they must agree everywhere again.
  const final = Math.round(original * 103) / 100;
  context.update({ node: leaf.id, period: EDITED_DAY, value: final });
  floor.update(leaf.index, day, final);
  assertSameValues("the engine after the recalcs", model, read, floor, ENGINE_TOLERANCE);
  log(
    `  verified: engine = floor after ${recalcOptions.warmup + recalcOptions.samples * recalcOptions.batch + 2} edits each`,
  );
  log(`  recalc median: engine ${(recalcMs * 1000).toFixed(2)} µs, floor ${(floorMs * 1000).toFixed(2)} µs`);

  // Baseline 1: HyperFormula with the same model and data (the edited value is back at `final`).
  collectGarbage();
  model.daily[leaf.index]![day] = final;
  const built = timeMs(() => new HyperFormulaModel(model));
  const workbook = built.result;
  log(`  HyperFormula: ${HYPERFORMULA_MODEL}; built in ${(built.ms / 1000).toFixed(1)} s`);
  assertSameValues("HyperFormula", model, (n, s) => workbook.value(n, s), floor, HYPERFORMULA_TOLERANCE);
  const dayPeriods = model.periods.flatMap((p, s) => (p.first <= day && day <= p.last ? [s] : []));
  const readBack = dayPeriods.flatMap((col) => [leaf.index, ...downstream].map((row) => ({ row, col })));
  const hyperformulaRecalcMs = medianMs(
    (call) => {
      sink.value += workbook.update(leaf.index, day, alternatives[call & 1]!, readBack);
    },
    { warmup: 20, samples: 101 },
  );
  workbook.update(leaf.index, day, original, []);
  floor.update(leaf.index, day, original);
  assertSameValues(
    "HyperFormula after the recalcs",
    model,
    (n, s) => workbook.value(n, s),
    floor,
    HYPERFORMULA_TOLERANCE,
  );
  workbook.destroy();
  model.daily[leaf.index]![day] = original;
  log(`  recalc median: HyperFormula ${(hyperformulaRecalcMs * 1000).toFixed(0)} µs`);

  const speedupVsHyperformula = hyperformulaRecalcMs / recalcMs;
  const ratioToFloor = recalcMs / floorMs;
  const goals =
    speedupVsHyperformula >= GOAL_SPEEDUP_VS_HYPERFORMULA && ratioToFloor <= GOAL_RATIO_TO_FLOOR
      ? "met"
      : "missed";
  log(
    `  goals (≥ ${GOAL_SPEEDUP_VS_HYPERFORMULA}× HyperFormula, ≤ ${GOAL_RATIO_TO_FLOOR}× floor): ${goals}: ` +
      `${speedupVsHyperformula.toFixed(1)}× faster than HyperFormula, ${ratioToFloor.toFixed(2)}× the floor`,
  );

  return {
    nodes: model.nodes.length,
    periods: model.periods.length,
    evalMs: significant(evalMs),
    assessMs: significant(assessMs),
    recalcMs: significant(recalcMs),
    hyperformulaRecalcMs: significant(hyperformulaRecalcMs),
    floorMs: significant(floorMs),
    speedupVsHyperformula: significant(speedupVsHyperformula),
    ratioToFloor: significant(ratioToFloor),
    dataRows: leaves * model.dayIds.length,
    recalcValues: expectedAffected,
    floorEvalMs: significant(floorEvalMs),
    hyperformulaBuildMs: significant(built.ms),
    hyperformulaModel: HYPERFORMULA_MODEL,
    goals,
  };
}
