/**
 * The floor: the same model as plain arrays, written by hand for speed, to show what the
 * engine's recalculation could cost at best. Node values are one Float64Array
 * [node × period]; formulas are compiled to one flat opcode array run by a stack machine
 * (no closures, no objects); leaves re-aggregate from their Float64Array daily columns.
 * It follows the engine's numeric rules (SEMANTICS §2.2: division by zero and non-finite
 * results are "no value", NaN), so its values must equal the engine's exactly.
 */
import type { BenchModel, Expr, LeafAggregation } from "./generatePlan.js";

const OP_REF = 0;
const OP_CONST = 1;
const OP_ADD = 2;
const OP_SUB = 3;
const OP_MUL = 4;
const OP_DIV = 5;
/** min/max take their argument count as the operand. */
const OP_MIN = 6;
const OP_MAX = 7;
/** if(left > right, then, otherwise): pops otherwise, then, right, left. */
const OP_IF_GT = 8;
const OP_IF_LT = 9;

const AGG_SUM = 0;
const AGG_AVERAGE = 1;
const AGG_LAST = 2;
const AGGREGATION_CODES: Record<LeafAggregation, number> = {
  sum: AGG_SUM,
  average: AGG_AVERAGE,
  last: AGG_LAST,
};

export class FloorModel {
  readonly nodeCount: number;
  readonly periodCount: number;
  /** values[node * periodCount + period]; NaN = no value. */
  readonly values: Float64Array;
  private readonly daily: (Float64Array | null)[];
  /** Aggregation code per node; -1 for computed nodes. */
  private readonly aggregation: Int8Array;
  private readonly periodFirst: Int32Array;
  private readonly periodLast: Int32Array;
  /** For each day, the periods that hold it (month, quarter, year), 3 per day. */
  private readonly dayPeriods: Int32Array;
  /** Opcodes and operands, interleaved: [op, operand, op, operand, ...]. */
  private readonly code: Int32Array;
  private readonly constants: Float64Array;
  private readonly codeStart: Int32Array;
  private readonly codeEnd: Int32Array;
  /** All computed nodes, every node after the nodes it reads. */
  private readonly order: Int32Array;
  /** For each node, the computed nodes reading it directly or not, in evaluation order. */
  readonly downstream: Int32Array[];
  private readonly stack = new Float64Array(64);

  constructor(model: BenchModel) {
    const { nodes, periods } = model;
    this.nodeCount = nodes.length;
    this.periodCount = periods.length;
    this.values = new Float64Array(this.nodeCount * this.periodCount).fill(Number.NaN);
    this.daily = model.daily.map((column) => (column ? Float64Array.from(column) : null));
    this.aggregation = Int8Array.from(nodes, (n) =>
      n.aggregation === null ? -1 : AGGREGATION_CODES[n.aggregation],
    );
    this.periodFirst = Int32Array.from(periods, (p) => p.first);
    this.periodLast = Int32Array.from(periods, (p) => p.last);
    const days = model.dayIds.length;
    this.dayPeriods = new Int32Array(days * 3).fill(-1);
    const filled = new Int8Array(days);
    periods.forEach((p, s) => {
      for (let d = p.first; d <= p.last; d++) this.dayPeriods[d * 3 + filled[d]!++] = s;
    });

    const code: number[] = [];
    const constants: number[] = [];
    this.codeStart = new Int32Array(this.nodeCount);
    this.codeEnd = new Int32Array(this.nodeCount);
    const emit = (e: Expr): void => {
      switch (e.kind) {
        case "ref":
          code.push(OP_REF, e.node);
          return;
        case "const":
          code.push(OP_CONST, constants.length);
          constants.push(e.value);
          return;
        case "bin":
          emit(e.left);
          emit(e.right);
          code.push(e.op === "+" ? OP_ADD : e.op === "-" ? OP_SUB : e.op === "*" ? OP_MUL : OP_DIV, 0);
          return;
        case "call":
          e.args.forEach(emit);
          code.push(e.fn === "min" ? OP_MIN : OP_MAX, e.args.length);
          return;
        case "if":
          emit(e.left);
          emit(e.right);
          emit(e.then);
          emit(e.otherwise);
          code.push(e.op === ">" ? OP_IF_GT : OP_IF_LT, 0);
          return;
      }
    };
    for (const node of nodes) {
      this.codeStart[node.index] = code.length;
      if (node.expr) emit(node.expr);
      this.codeEnd[node.index] = code.length;
    }
    this.code = Int32Array.from(code);
    this.constants = Float64Array.from(constants);

    // Evaluation order: depth-first over the inputs (its own, not the engine's).
    const order: number[] = [];
    const state = new Int8Array(this.nodeCount);
    const visit = (i: number): void => {
      if (state[i] === 2) return;
      if (state[i] === 1) throw new Error(`cycle at node ${i}`);
      state[i] = 1;
      for (const input of nodes[i]!.inputs) visit(input);
      state[i] = 2;
      if (nodes[i]!.expr) order.push(i);
    };
    for (const node of nodes) visit(node.index);
    this.order = Int32Array.from(order);
    const position = new Int32Array(this.nodeCount).fill(-1);
    order.forEach((i, k) => {
      position[i] = k;
    });
    const readers: number[][] = nodes.map(() => []);
    for (const node of nodes) for (const input of node.inputs) readers[input]!.push(node.index);
    this.downstream = nodes.map((node) => {
      const seen = new Set<number>();
      const pending = [...readers[node.index]!];
      while (pending.length > 0) {
        const i = pending.pop()!;
        if (seen.has(i)) continue;
        seen.add(i);
        pending.push(...readers[i]!);
      }
      return Int32Array.from([...seen].sort((a, b) => position[a]! - position[b]!));
    });
  }

  /** Every node for every period. */
  evaluateAll(): void {
    const P = this.periodCount;
    for (let node = 0; node < this.nodeCount; node++) {
      if (this.aggregation[node]! >= 0) for (let p = 0; p < P; p++) this.aggregateLeaf(node, p);
    }
    for (let k = 0; k < this.order.length; k++) {
      const node = this.order[k]!;
      for (let p = 0; p < P; p++) this.values[node * P + p] = this.run(node, p);
    }
  }

  /**
   * Sets one daily value of a leaf and recalculates what depends on it: the leaf's periods
   * holding the day, then the downstream nodes in evaluation order for those periods.
   * Answers the sum of the affected values (read back) and how many there were.
   */
  update(leaf: number, day: number, value: number): { readBack: number; affected: number } {
    this.daily[leaf]![day] = value;
    const P = this.periodCount;
    const downstream = this.downstream[leaf]!;
    let readBack = 0;
    let affected = 0;
    for (let k = 0; k < 3; k++) {
      const p = this.dayPeriods[day * 3 + k]!;
      if (p < 0) continue;
      this.aggregateLeaf(leaf, p);
      readBack += this.values[leaf * P + p]!;
      for (let j = 0; j < downstream.length; j++) {
        const node = downstream[j]!;
        const v = this.run(node, p);
        this.values[node * P + p] = v;
        readBack += v;
      }
      affected += 1 + downstream.length;
    }
    return { readBack, affected };
  }

  value(node: number, period: number): number {
    return this.values[node * this.periodCount + period]!;
  }

  private aggregateLeaf(node: number, p: number): void {
    const column = this.daily[node]!;
    const first = this.periodFirst[p]!;
    const last = this.periodLast[p]!;
    const code = this.aggregation[node]!;
    let value: number;
    if (code === AGG_LAST) value = column[last]!;
    else {
      let acc = 0;
      for (let d = first; d <= last; d++) acc += column[d]!;
      value = code === AGG_SUM ? acc : acc / (last - first + 1);
    }
    this.values[node * this.periodCount + p] = value;
  }

  /** Runs a node's opcodes for one period. */
  private run(node: number, p: number): number {
    const { code, constants, stack, values } = this;
    const P = this.periodCount;
    let sp = 0;
    const end = this.codeEnd[node]!;
    for (let pc = this.codeStart[node]!; pc < end; pc += 2) {
      const operand = code[pc + 1]!;
      switch (code[pc]) {
        case OP_REF:
          stack[sp++] = values[operand * P + p]!;
          break;
        case OP_CONST:
          stack[sp++] = constants[operand]!;
          break;
        case OP_ADD:
          sp--;
          stack[sp - 1] = stack[sp - 1]! + stack[sp]!;
          break;
        case OP_SUB:
          sp--;
          stack[sp - 1] = stack[sp - 1]! - stack[sp]!;
          break;
        case OP_MUL:
          sp--;
          stack[sp - 1] = stack[sp - 1]! * stack[sp]!;
          break;
        case OP_DIV: {
          sp--;
          const a = stack[sp - 1]!;
          const b = stack[sp]!;
          stack[sp - 1] = b === 0 || a - a !== 0 || b - b !== 0 ? Number.NaN : a / b;
          break;
        }
        case OP_MIN:
        case OP_MAX: {
          const from = sp - operand;
          let best = stack[from]!;
          for (let i = from + 1; i < sp && best - best === 0; i++) {
            const x = stack[i]!;
            if (x - x !== 0) best = Number.NaN;
            else if (code[pc] === OP_MIN ? x < best : x > best) best = x;
          }
          sp = from + 1;
          stack[from] = best - best === 0 ? best : Number.NaN;
          break;
        }
        default: {
          // OP_IF_GT / OP_IF_LT
          sp -= 3;
          const a = stack[sp - 1]!;
          const b = stack[sp]!;
          const taken =
            a - a !== 0 || b - b !== 0
              ? Number.NaN
              : (code[pc] === OP_IF_GT ? a > b : a < b)
                ? stack[sp + 1]!
                : stack[sp + 2]!;
          stack[sp - 1] = taken;
        }
      }
    }
    const result = stack[0]!;
    return result - result === 0 ? result + 0 : Number.NaN;
  }
}
