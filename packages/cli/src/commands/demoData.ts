import { dayFromIso, generateDemoData, isoFromDay } from "@shihyo/engine";
import { loadPlan, required } from "../loadPlan.js";
import { type CommandInput, UsageError } from "../main.js";

/** Prints plausible generated actuals for a plan as a long CSV (node,period,value). */
export async function demoData(input: CommandInput): Promise<number> {
  const loaded = await loadPlan(input);
  const m = loaded.messages;
  const day = (name: string) => {
    const text = required(input, name, m);
    const parsed = dayFromIso(text);
    if (parsed === null) throw new UsageError(m.badDate({ value: text }));
    return parsed;
  };
  const from = day("from");
  const to = input.options.to === undefined ? loaded.asOf : day("to");
  if (from > to) throw new UsageError(m.badRange({ from: isoFromDay(from), to: isoFromDay(to) }));
  const seedText = input.options.seed as string | undefined;
  const seed =
    seedText === undefined ? 2026 : /^-?\d+$/.test(seedText.trim()) ? Number(seedText) : Number.NaN;
  if (!Number.isSafeInteger(seed)) throw new UsageError(m.badSeed({ value: String(seedText) }));
  const rows = generateDemoData(loaded.prepared, { from, to, seed });
  const lines = ["node,period,value", ...rows.map((r) => `${r.node},${r.period},${r.value}`)];
  input.output.out(lines.join("\n"));
  input.output.err(m.demoDataWritten({ rows: rows.length, from: isoFromDay(from), to: isoFromDay(to) }));
  return 0;
}
