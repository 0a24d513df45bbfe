/**
 * Timing helpers shared by the bench modules: medians of `performance.now()` samples,
 * a warm-up first, and a full garbage collection between phases when node runs with
 * `--expose-gc` (the `npm run bench` script does).
 */

/** Collects garbage if `global.gc` is exposed; a no-op otherwise. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export function gcExposed(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === "function";
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface SampleOptions {
  /** Untimed runs first, so the JIT has compiled the hot paths. */
  warmup: number;
  /** Timed samples; the median is reported. */
  samples: number;
  /** Runs per sample (the sample is divided by it): for operations of a few microseconds. */
  batch?: number;
  /** Collect garbage before each sample (for long operations only). */
  gcEachSample?: boolean;
}

/** Median milliseconds per call of `run`, which gets the call's running number (warm-up included). */
export function medianMs(run: (call: number) => void, options: SampleOptions): number {
  const batch = options.batch ?? 1;
  let call = 0;
  for (let i = 0; i < options.warmup; i++) run(call++);
  collectGarbage();
  const samples: number[] = [];
  for (let s = 0; s < options.samples; s++) {
    if (options.gcEachSample) collectGarbage();
    const start = performance.now();
    for (let b = 0; b < batch; b++) run(call++);
    samples.push((performance.now() - start) / batch);
  }
  return median(samples);
}

/**
 * Median milliseconds per call of each of several runs, sampled in turn (A B, B A, A B...)
 * so that a change in machine load during the measurement affects them alike and their
 * ratio stays fair.
 */
export function interleavedMedianMs(
  runs: readonly ((call: number) => void)[],
  options: SampleOptions,
): number[] {
  const batch = options.batch ?? 1;
  const calls = runs.map(() => 0);
  runs.forEach((run, r) => {
    for (let i = 0; i < options.warmup; i++) run(calls[r]!++);
  });
  collectGarbage();
  const samples: number[][] = runs.map(() => []);
  for (let s = 0; s < options.samples; s++) {
    if (options.gcEachSample) collectGarbage();
    for (let k = 0; k < runs.length; k++) {
      const r = s % 2 === 0 ? k : runs.length - 1 - k;
      const run = runs[r]!;
      const start = performance.now();
      for (let b = 0; b < batch; b++) run(calls[r]!++);
      samples[r]!.push((performance.now() - start) / batch);
    }
  }
  return samples.map(median);
}

/** Milliseconds one call of `run` takes (for one-off phases such as building a model). */
export function timeMs<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

/** A number rounded to `digits` significant digits, for the JSON report. */
export function significant(x: number, digits = 3): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

/** Whether two values agree to `relative` (both "no value" — NaN — counts as agreement). */
export function close(a: number, b: number, relative: number, absolute = 0): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * A place to put what a timed loop reads, so that the reads cannot be optimised away;
 * the summary prints it.
 */
export const sink = { value: 0 };
