/**
 * Roots of g(v) = 0 for a function of one lever, searched over every scale a KPI target can
 * have (±1e-12 … ±1e15 and zero), then refined by bisection. Enough for the formulas of a KPI
 * tree: products, quotients, sums, min/max/if pieces. Answers every distinct root found and
 * whether g is zero on a whole stretch (then no single answer exists).
 */
export interface RootSearch {
  roots: number[];
  /** g is zero over an interval: infinitely many answers. */
  plateau: boolean;
}

const grid: number[] = (() => {
  const positive: number[] = [];
  for (let k = -48; k <= 60; k++) positive.push(10 ** (k / 4));
  return [...positive.map((v) => -v).reverse(), 0, ...positive];
})();

export function findRoots(g: (v: number) => number | null, hints: readonly number[] = []): RootSearch {
  const xs = [
    ...new Set([
      ...grid,
      ...hints.filter(Number.isFinite),
      ...hints.filter(Number.isFinite).map((h) => h * 2),
    ]),
  ];
  xs.sort((a, b) => a - b);
  const ys = xs.map((x) => g(x));
  const roots: number[] = [];
  let plateau = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === 0 || y === null) {
      if (y === 0) {
        if (i > 0 && ys[i - 1] === 0) plateau = true;
        roots.push(xs[i]!);
      }
      continue;
    }
    const next = ys[i + 1];
    if (next === undefined || next === null || next === 0) continue;
    if (Math.sign(y) === Math.sign(next)) continue;
    const root = refine(g, xs[i]!, xs[i + 1]!, y, next);
    if (root !== null) roots.push(root);
  }
  return { roots: dedupe(roots), plateau };
}

function refine(
  g: (v: number) => number | null,
  a: number,
  b: number,
  ga: number,
  gb: number,
): number | null {
  let lo = a;
  let hi = b;
  let glo = ga;
  let ghi = gb;
  for (let iteration = 0; iteration < 200; iteration++) {
    // False position keeps linear functions exact; bisection guarantees progress.
    const secant = lo - (glo * (hi - lo)) / (ghi - glo);
    const candidates = [secant, (lo + hi) / 2];
    let moved = false;
    for (const mid of candidates) {
      if (!(mid > lo && mid < hi)) continue;
      const gm = g(mid);
      if (gm === null) return null;
      if (gm === 0) return mid;
      if (Math.sign(gm) === Math.sign(glo)) {
        lo = mid;
        glo = gm;
      } else {
        hi = mid;
        ghi = gm;
      }
      moved = true;
    }
    if (!moved || hi - lo <= 1e-15 * Math.max(Math.abs(lo), Math.abs(hi))) break;
  }
  const best = Math.abs(glo) <= Math.abs(ghi) ? lo : hi;
  // A sign change across a pole (1/x at 0) is not a root: the function must get close to zero.
  const gBest = Math.min(Math.abs(glo), Math.abs(ghi));
  if (gBest > 1e-6 * Math.max(Math.abs(ga), Math.abs(gb), 1)) return null;
  return best;
}

function dedupe(roots: number[]): number[] {
  const out: number[] = [];
  for (const r of roots.sort((a, b) => a - b)) {
    const previous = out[out.length - 1];
    if (previous !== undefined && Math.abs(r - previous) <= 1e-9 * Math.max(1, Math.abs(r))) continue;
    out.push(r);
  }
  return out;
}
