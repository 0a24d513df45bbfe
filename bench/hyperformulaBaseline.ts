/**
 * Baseline 1: HyperFormula (GPL-3.0; used here in the bench only, never in packages/)
 * holding the same model as a workbook, laid out the way a spreadsheet user would:
 *
 * - sheet `Data`: one row per day (1,096), one column per measured leaf (600): the same
 *   ≈ 657,600 daily values the engine holds;
 * - sheet `Model`: one row per node (1,000), one column per period (51: 36 months, 12
 *   fiscal quarters, 3 fiscal years). A `sum` leaf's month is `=SUM(Data!X2:X31)`, its
 *   quarter the SUM of its three month cells and its year the SUM of its four quarter
 *   cells (the cheapest correct layout for HyperFormula); an `average` leaf is
 *   `=AVERAGE(Data!range)` over the period's days; a `last` leaf is `=Data!X<last day>`.
 *   A computed node's cell is its formula with each node id replaced by that node's cell
 *   in the same column.
 *
 * The recalc is the same single daily change as the engine's (`setCellContents` of one
 * Data cell), followed by `getCellValue` of every affected Model cell.
 */
import { HyperFormula } from "hyperformula";
import { type BenchModel, formatExpr } from "./generatePlan.js";

/** Spreadsheet column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export const HYPERFORMULA_MODEL =
  "Data sheet 1,096 days × 600 leaves; Model sheet 1,000 nodes × 51 periods " +
  "(month SUM/AVERAGE over Data ranges, quarter/year SUM of month/quarter cells); change = one Data cell";

export class HyperFormulaModel {
  readonly hf: HyperFormula;
  readonly dataSheet: number;
  readonly modelSheet: number;
  /** Data column of each measured node (-1 for computed nodes). */
  readonly dataColumn: Int32Array;

  constructor(readonly model: BenchModel) {
    const { nodes, periods, dayIds, daily } = model;
    this.dataColumn = new Int32Array(nodes.length).fill(-1);
    const leaves = nodes.filter((n) => n.aggregation !== null);
    leaves.forEach((n, k) => {
      this.dataColumn[n.index] = k;
    });
    const data: number[][] = dayIds.map((_, d) => leaves.map((n) => daily[n.index]![d]!));
    const monthColumns = periods.flatMap((p, s) => (p.grain === "month" ? [s] : []));
    const quarterColumns = periods.flatMap((p, s) => (p.grain === "quarter" ? [s] : []));
    const cells: string[][] = nodes.map((node) =>
      periods.map((period, s) => {
        const row = node.index + 1;
        if (node.expr) return `=${formatExpr(node.expr, (i) => `${columnName(s)}${i + 1}`, true)}`;
        const x = columnName(this.dataColumn[node.index]!);
        const range = `Data!${x}${period.first + 1}:${x}${period.last + 1}`;
        if (node.aggregation === "last") return `=Data!${x}${period.last + 1}`;
        if (node.aggregation === "average") return `=AVERAGE(${range})`;
        if (period.grain === "month") return `=SUM(${range})`;
        // Quarters and years of a `sum` leaf add up the finer cells of the same row.
        const parts =
          period.grain === "quarter"
            ? monthColumns.filter((m) => periods[m]!.first >= period.first && periods[m]!.last <= period.last)
            : quarterColumns.filter(
                (q) => periods[q]!.first >= period.first && periods[q]!.last <= period.last,
              );
        return `=SUM(${columnName(parts[0]!)}${row}:${columnName(parts[parts.length - 1]!)}${row})`;
      }),
    );
    this.hf = HyperFormula.buildFromSheets({ Data: data, Model: cells }, { licenseKey: "gpl-v3" });
    this.dataSheet = this.hf.getSheetId("Data")!;
    this.modelSheet = this.hf.getSheetId("Model")!;
  }

  /** A node's value for a period (NaN unless the cell holds a number). */
  value(node: number, period: number): number {
    const v = this.hf.getCellValue({ sheet: this.modelSheet, row: node, col: period });
    return typeof v === "number" ? v : Number.NaN;
  }

  /** Sets one daily value and reads back the given Model cells; answers their sum. */
  update(
    leaf: number,
    day: number,
    value: number,
    readBack: readonly { row: number; col: number }[],
  ): number {
    this.hf.setCellContents({ sheet: this.dataSheet, row: day, col: this.dataColumn[leaf]! }, value);
    let sum = 0;
    for (const cell of readBack) {
      const v = this.hf.getCellValue({ sheet: this.modelSheet, row: cell.row, col: cell.col });
      sum += typeof v === "number" ? v : Number.NaN;
    }
    return sum;
  }

  destroy(): void {
    this.hf.destroy();
  }
}
