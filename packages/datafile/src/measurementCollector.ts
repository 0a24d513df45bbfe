import {
  type Calendar,
  closestMatch,
  type Measurement,
  modelMessages,
  type Period,
  type PreparedNode,
  type PreparedPlan,
  parsePeriod,
  ShihyoError,
  tryParsePeriod,
} from "@shihyo/engine";
import { type DataRowError, dataRowError, type Reason, reasonOf } from "./dataRowError.js";
import { parseNumberCell } from "./parseNumberCell.js";

/** A cell as a reader hands it over: CSV gives strings, a sheet also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null | undefined;

export type DataShape = "long" | "wide";

export interface CollectorOptions {
  file: string;
  /** The file is a spreadsheet: rows and lettered columns in messages, dates in cells. */
  sheet: boolean;
  maxErrors: number;
  maxRows: number;
}

/** Why a node id or a period text cannot take data; kept per distinct text. */
class Rejection {
  constructor(
    readonly code: string,
    readonly reason: Reason,
  ) {}
}

/** A column of the wide shape whose header is a node that takes data. */
interface WideColumn {
  index: number;
  node: PreparedNode;
}

const LONG_COLUMNS = ["node", "period", "value", "segment"] as const;
/**
 * Distinct node and period texts remembered per file. A file of timestamps or free text has
 * one per row; past this many the caches start over rather than grow with the file.
 */
const CACHE_LIMIT = 1 << 16;
/** The values already taken for one node and segment: period start day → line. */
interface Taken {
  /** The segment's text as first met, shared by its measurements instead of one copy per row. */
  segment: string;
  lines: Map<number, number>;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/** Why a text is not a period, in the period module's words; worked out only when shown. */
function periodReason(text: string, calendar: Calendar): Reason {
  return (lang) => {
    try {
      parsePeriod(text, calendar);
    } catch (error) {
      if (error instanceof ShihyoError) return error.text(lang);
      throw error;
    }
    return "";
  };
}

/** The trimmed text of a cell; a date becomes its day id, read from its UTC parts. */
export function cellText(cell: Cell): string {
  if (typeof cell === "string") return cell.trim();
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return dayIdOfDate(cell);
}

/**
 * A sheet's date cell as a day id. Readers build dates from the cell's serial number at UTC
 * midnight, so the UTC parts are the day the cell shows, whatever the machine's time zone.
 */
export function dayIdOfDate(date: Date): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function isEmptyCell(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === "string" && cell.trim() === "";
}

/** Whether a row has nothing in it: blank lines and rows of empty cells are skipped. */
export function isBlankRow(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    if (!isEmptyCell(cells[i])) return false;
  }
  return true;
}

/**
 * Turns rows of cells into measurements of a plan, checking each against it: the node
 * exists and takes data, the period parses at the node's grain, the value is a number, and
 * no (node, period, segment) comes twice. A reader calls `header` once and `row` for every
 * later row with its line; `finish` gives the measurements, or every problem up to
 * `maxErrors` (all are counted) and no measurements at all.
 */
export class MeasurementCollector {
  private readonly byId: ReadonlyMap<string, PreparedNode>;
  private readonly numericIds: string[];
  private readonly nodeCache = new Map<string, PreparedNode | Rejection>();
  private readonly periodCache = new Map<string, Period | null>();
  /** Per node index, per segment. Day numbers as keys: all of a node's periods share its grain. */
  private readonly taken: Map<string, Taken>[] = [];
  private lastNode: PreparedNode | null = null;
  private lastTaken: Taken | null = null;

  private readonly errors: DataRowError[] = [];
  private totalErrors = 0;
  private rows: Measurement[] = [];
  private values = 0;
  private stopped = false;

  private shape: DataShape | null = null;
  private headerNames: string[] = [];
  private headerLength = 0;
  /** Indexes of header cells left empty: their cells must stay empty too. */
  private unnamed: number[] = [];
  private nodeColumn = -1;
  private periodColumn = -1;
  private valueColumn = -1;
  private segmentColumn = -1;
  private wideColumns: WideColumn[] = [];

  constructor(
    private readonly prepared: PreparedPlan,
    private readonly options: CollectorOptions,
  ) {
    this.byId = prepared.byId;
    this.numericIds = prepared.nodes.filter((n) => n.numeric).map((n) => n.id);
  }

  get hasHeader(): boolean {
    return this.shape !== null;
  }

  /** False once reading should stop: a fatal problem or too many values. */
  get reading(): boolean {
    return !this.stopped;
  }

  /** Records a problem. Counting goes on past `maxErrors`; keeping stops there. */
  fail(line: number | null, column: number | null, code: string, reason: Reason, value?: string): void {
    this.totalErrors++;
    if (this.rows.length > 0) this.rows = [];
    if (this.errors.length >= this.options.maxErrors) return;
    const columnName = column === null ? undefined : this.headerNames[column - 1] || undefined;
    this.errors.push(
      dataRowError(
        {
          file: this.options.file,
          line,
          column,
          sheet: this.options.sheet,
          ...(columnName !== undefined ? { columnName } : {}),
          ...(value !== undefined ? { value } : {}),
        },
        code,
        reason,
      ),
    );
  }

  /** A problem that ends reading, such as a broken quote or an unreadable header. */
  fatal(line: number | null, column: number | null, code: string, reason: Reason, value?: string): void {
    this.fail(line, column, code, reason, value);
    this.stopped = true;
  }

  /** Reads the header row: its cells decide the shape. Returns false when it fits neither. */
  header(cells: readonly Cell[], line: number): boolean {
    const names = cells.map(cellText);
    this.headerNames = names;
    this.headerLength = names.length;
    const lower = names.map((n) => n.toLowerCase());
    this.unnamed = [];
    names.forEach((name, i) => {
      if (name === "") this.unnamed.push(i);
    });
    if (lower.includes("node") && lower.includes("period") && lower.includes("value")) {
      this.shape = "long";
      this.readLongHeader(lower, line);
      return true;
    }
    const first = lower.findIndex((n) => n !== "");
    if (first >= 0 && lower[first] === "period" && !lower.includes("node")) {
      this.shape = "wide";
      this.periodColumn = first;
      this.readWideHeader(names, first, line);
      return true;
    }
    const header = `"${names.join(",")}"`;
    this.fatal(line, null, "data.badHeader", reasonOf("data.badHeader", { header }));
    return false;
  }

  private readLongHeader(lower: string[], line: number): void {
    const seen = new Map<string, number>();
    lower.forEach((name, i) => {
      if (name === "") return;
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        this.headerError(
          line,
          i,
          "data.duplicateColumn",
          reasonOf("data.duplicateColumn", this.columnClash(i, earlier)),
        );
        return;
      }
      seen.set(name, i);
      switch (name) {
        case "node":
          this.nodeColumn = i;
          break;
        case "period":
          this.periodColumn = i;
          break;
        case "value":
          this.valueColumn = i;
          break;
        case "segment":
          this.segmentColumn = i;
          break;
        default: {
          const written = this.headerNames[i]!;
          const suggestion = closestMatch(written, LONG_COLUMNS);
          this.headerError(
            line,
            i,
            "data.unknownColumn",
            reasonOf("data.unknownColumn", { name: written, suggestion }),
          );
        }
      }
    });
  }

  private readWideHeader(names: string[], periodColumn: number, line: number): void {
    const seen = new Map<string, number>([["period", periodColumn]]);
    this.wideColumns = [];
    names.forEach((name, i) => {
      if (name === "" || i === periodColumn) return;
      const key = name.toLowerCase() === "period" ? "period" : name;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        this.headerError(
          line,
          i,
          "data.duplicateColumn",
          reasonOf("data.duplicateColumn", this.columnClash(i, earlier)),
        );
        return;
      }
      seen.set(key, i);
      const node = this.resolveNode(name);
      // A column whose header is wrong is reported once, there, and its cells are not read.
      if (node instanceof Rejection) this.headerError(line, i, node.code, node.reason);
      else this.wideColumns.push({ index: i, node });
    });
  }

  private columnClash(index: number, earlier: number) {
    return { name: this.headerNames[index]!, first: earlier + 1, sheet: this.options.sheet };
  }

  private headerError(line: number, index: number, code: string, reason: Reason): void {
    this.fail(line, index + 1, code, reason, this.headerNames[index]);
  }

  /** Reads one row after the header. Returns false when reading should stop. */
  row(cells: readonly Cell[], line: number): boolean {
    if (this.stopped) return false;
    if (isBlankRow(cells)) return true;
    if (cells.length > this.headerLength || this.unnamed.length > 0) this.checkUnnamed(cells, line);
    if (this.shape === "long") this.longRow(cells, line);
    else this.wideRow(cells, line);
    return !this.stopped;
  }

  private checkUnnamed(cells: readonly Cell[], line: number): void {
    for (const i of this.unnamed) this.rejectUnnamed(cells[i], line, i);
    for (let i = this.headerLength; i < cells.length; i++) this.rejectUnnamed(cells[i], line, i);
  }

  private rejectUnnamed(cell: Cell, line: number, index: number): void {
    if (isEmptyCell(cell)) return;
    const text = cellText(cell);
    this.fail(line, index + 1, "data.unnamedColumn", reasonOf("data.unnamedColumn", { text }), text);
  }

  private longRow(cells: readonly Cell[], line: number): void {
    if (!this.countValue(line)) return;
    const nodeColumn = this.nodeColumn;
    const periodColumn = this.periodColumn;
    const valueColumn = this.valueColumn;

    let node: PreparedNode | null = null;
    const nodeText = cellText(cells[nodeColumn]);
    if (nodeText === "") {
      this.fail(line, nodeColumn + 1, "data.emptyCell", reasonOf("data.emptyCell", { name: "node" }), "");
    } else {
      const resolved = this.resolveNode(nodeText);
      if (resolved instanceof Rejection)
        this.fail(line, nodeColumn + 1, resolved.code, resolved.reason, nodeText);
      else node = resolved;
    }

    const periodCell = cells[periodColumn];
    const period = this.readPeriod(periodCell, line, periodColumn);

    let value: number | null = null;
    const valueCell = cells[valueColumn];
    if (isEmptyCell(valueCell)) {
      this.fail(line, valueColumn + 1, "data.emptyCell", reasonOf("data.emptyCell", { name: "value" }), "");
    } else {
      value = this.readValue(valueCell, line, valueColumn);
    }

    const segment = this.segmentColumn >= 0 ? cellText(cells[this.segmentColumn]) : "";
    if (node !== null && period !== null) {
      this.accept(node, period, periodCell, segment, value, valueCell, line, periodColumn, valueColumn);
    }
  }

  private wideRow(cells: readonly Cell[], line: number): void {
    const periodColumn = this.periodColumn;
    const periodCell = cells[periodColumn];
    let period: Period | null | undefined;
    for (const column of this.wideColumns) {
      const cell = cells[column.index];
      if (isEmptyCell(cell)) continue;
      if (!this.countValue(line)) return;
      if (period === undefined) {
        if (isEmptyCell(periodCell)) {
          this.fail(line, periodColumn + 1, "data.emptyPeriod", reasonOf("data.emptyPeriod"), "");
          period = null;
        } else {
          period = this.readPeriod(periodCell, line, periodColumn);
        }
      }
      const value = this.readValue(cell, line, column.index);
      if (period !== null) {
        this.accept(column.node, period, periodCell, "", value, cell, line, column.index, column.index);
      }
    }
  }

  /** Counts a value against `maxRows`; false (and reading stops) once there are too many. */
  private countValue(line: number): boolean {
    if (++this.values <= this.options.maxRows) return true;
    this.fatal(line, null, "data.tooManyRows", reasonOf("data.tooManyRows", { max: this.options.maxRows }));
    return false;
  }

  /**
   * Checks what needs both the node and the period (the grain, duplicates) and keeps the
   * measurement while the file is still clean. A wrong grain is reported at `grainColumn`
   * (the period's column in the long shape, the value's in the wide one), a duplicate at
   * the value's column.
   */
  private accept(
    node: PreparedNode,
    period: Period,
    periodCell: Cell,
    segment: string,
    value: number | null,
    valueCell: Cell,
    line: number,
    grainColumn: number,
    valueColumn: number,
  ): void {
    if (period.grain !== node.grain) {
      const params = {
        period: period.id,
        grain: period.grain,
        node: node.id,
        expected: node.grain,
        fromDate: periodCell instanceof Date,
      };
      this.fail(
        line,
        grainColumn + 1,
        "data.periodGrain",
        reasonOf("data.periodGrain", params),
        cellText(periodCell),
      );
      return;
    }
    const taken = this.takenFor(node, segment);
    const first = taken.lines.get(period.start);
    if (first !== undefined) {
      const params = {
        node: node.id,
        period: period.id,
        segment,
        firstLine: first,
        sheet: this.options.sheet,
      };
      this.fail(
        line,
        valueColumn + 1,
        "data.duplicate",
        reasonOf("data.duplicate", params),
        cellText(valueCell),
      );
      return;
    }
    taken.lines.set(period.start, line);
    if (value === null || this.totalErrors > 0) return;
    this.rows.push(
      segment === ""
        ? { node: node.id, period: period.id, value }
        : { node: node.id, period: period.id, value, segment: taken.segment },
    );
  }

  /** Files come sorted more often than not: the last node and segment are checked first. */
  private takenFor(node: PreparedNode, segment: string): Taken {
    const last = this.lastTaken;
    if (last !== null && this.lastNode === node && last.segment === segment) return last;
    let bySegment = this.taken[node.index];
    if (bySegment === undefined) {
      bySegment = new Map();
      this.taken[node.index] = bySegment;
    }
    let taken = bySegment.get(segment);
    if (taken === undefined) {
      taken = { segment, lines: new Map() };
      bySegment.set(segment, taken);
    }
    this.lastNode = node;
    this.lastTaken = taken;
    return taken;
  }

  private readPeriod(cell: Cell, line: number, index: number): Period | null {
    const text = cellText(cell);
    if (text === "") {
      this.fail(line, index + 1, "data.emptyCell", reasonOf("data.emptyCell", { name: "period" }), "");
      return null;
    }
    let period = this.periodCache.get(text);
    if (period === undefined) {
      period = tryParsePeriod(text, this.prepared.calendar);
      remember(this.periodCache, text, period);
    }
    if (period === null) {
      this.fail(line, index + 1, "data.badPeriod", periodReason(text, this.prepared.calendar), text);
    }
    return period;
  }

  private readValue(cell: Cell, line: number, index: number): number | null {
    if (typeof cell === "number" && Number.isFinite(cell)) return cell === 0 ? 0 : cell;
    const value = typeof cell === "string" ? parseNumberCell(cell) : null;
    if (value === null) {
      const text = cellText(cell);
      this.fail(line, index + 1, "data.notANumber", reasonOf("data.notANumber", { text }), text);
    }
    return value;
  }

  private resolveNode(id: string): PreparedNode | Rejection {
    let resolved = this.nodeCache.get(id);
    if (resolved === undefined) {
      resolved = this.checkNode(id);
      remember(this.nodeCache, id, resolved);
    }
    return resolved;
  }

  private checkNode(id: string): PreparedNode | Rejection {
    const node = this.byId.get(id);
    if (node === undefined) {
      // The suggestion is looked for only when the message is shown.
      const ids = this.numericIds;
      return new Rejection("data.unknownNode", (lang) =>
        modelMessages[lang]["data.unknownNode"]({ id, suggestion: closestMatch(id, ids) }),
      );
    }
    if (!node.numeric)
      return new Rejection("data.notNumeric", (lang) => modelMessages[lang]["data.notNumeric"]({ id }));
    if (!node.measured) {
      return new Rejection("data.computedOnly", (lang) => modelMessages[lang]["data.computedOnly"]({ id }));
    }
    return node;
  }

  /** The measurements when the file is clean; else the problems, and none of the rows. */
  finish():
    | { ok: true; rows: Measurement[]; shape: DataShape }
    | { ok: false; errors: DataRowError[]; totalErrors: number } {
    if (this.shape === null && this.totalErrors === 0) {
      this.fail(null, null, "data.empty", reasonOf("data.empty"));
    }
    if (this.totalErrors > 0 || this.shape === null) {
      return { ok: false, errors: this.errors, totalErrors: this.totalErrors };
    }
    return { ok: true, rows: this.rows, shape: this.shape };
  }
}
