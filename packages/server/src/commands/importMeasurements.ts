import { readDataFile } from "@shihyo/datafile";
import {
  checkDataRows,
  type Lang,
  type Measurement,
  type Period,
  type PreparedPlan,
  tryParsePeriod,
} from "@shihyo/engine";
import type { Actor, IngestResult, Store } from "@shihyo/store";
import { AppError, AppErrorCode, type ProblemItem } from "../errors/appError.js";
import { serverMessages } from "../errors/problemMessages.js";
import { loadPlanModel } from "../evaluation/planModel.js";

/** Bad rows listed in one answer; all are counted in `totalErrors`. */
const MAX_LISTED = 100;

export type MeasurementBody =
  | { kind: "file"; bytes: Uint8Array; fileName: string }
  | { kind: "rows"; rows: Measurement[] };

function tooMany(count: number, max: number): AppError {
  return new AppError(AppErrorCode.PayloadTooLarge, {
    detail: (lang) => serverMessages[lang].tooManyRows({ max, count }),
  });
}

function invalidRows(errors: (lang: Lang) => ProblemItem[], totalErrors: number): AppError {
  return new AppError(AppErrorCode.InvalidData, { errors, extensions: { totalErrors } });
}

/** A data file (CSV or XLSX, long or wide) read exactly as the CLI reads it. */
async function rowsOfFile(
  body: Extract<MeasurementBody, { kind: "file" }>,
  prepared: PreparedPlan,
  maxRows: number,
): Promise<Measurement[]> {
  const result = await readDataFile({ bytes: body.bytes, fileName: body.fileName }, prepared, { maxRows });
  if (result.ok) return result.rows;
  if (result.errors.some((e) => e.code === "data.tooManyRows")) throw tooMany(maxRows + 1, maxRows);
  const { errors, totalErrors } = result;
  throw invalidRows(
    (lang) =>
      errors.map((e) => ({
        message: e.reason(lang),
        path: e.columnName ?? "",
        line: e.line,
        column: e.column,
        code: e.code,
        file: e.file,
        ...(e.value !== undefined ? { value: e.value } : {}),
      })),
    totalErrors,
  );
}

/**
 * JSON rows checked by the engine as it checks a file's own `data:` rows (known measured
 * node, a period at its grain, a finite value), plus one value per node, period and segment.
 * Periods are stored in their canonical spelling.
 */
function checkRows(rows: readonly Measurement[], prepared: PreparedPlan, maxRows: number): Measurement[] {
  if (rows.length > maxRows) throw tooMany(rows.length, maxRows);
  // The engine's checks of a file's `data:` rows, against the plan already prepared.
  const issues = checkDataRows(prepared.plan.nodes, rows, prepared.calendar);
  const problems: { index: number; field: string; code: string; text: (lang: Lang) => string }[] = issues.map(
    (i) => ({
      index: Number(i.path[1]),
      field: String(i.path[2] ?? ""),
      code: i.code,
      text: (l) => i.text(l),
    }),
  );
  const periods = new Map<string, Period | null>();
  // Row index by node, then by period id (+ segment): the period ids are the parsed periods'
  // own strings, so no key is built per row.
  const seen = new Map<string, Map<string, number>>();
  const out: Measurement[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    let period = periods.get(row.period);
    if (period === undefined) {
      period = tryParsePeriod(row.period, prepared.calendar);
      periods.set(row.period, period);
    }
    if (!period || !prepared.byId.has(row.node)) continue;
    const segment = row.segment ?? "";
    let ofNode = seen.get(row.node);
    if (!ofNode) {
      ofNode = new Map();
      seen.set(row.node, ofNode);
    }
    const key = segment === "" ? period.id : `${period.id}\u0000${segment}`;
    const first = ofNode.get(key);
    if (first !== undefined) {
      problems.push({
        index,
        field: "period",
        code: "data.duplicate",
        text: (lang) => serverMessages[lang].duplicateRow({ first }),
      });
      continue;
    }
    ofNode.set(key, index);
    out.push(
      segment === ""
        ? { node: row.node, period: period.id, value: row.value }
        : { node: row.node, period: period.id, value: row.value, segment },
    );
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.index - b.index);
    const listed = problems.slice(0, MAX_LISTED);
    throw invalidRows(
      (lang) =>
        listed.map((p) => ({ message: p.text(lang), path: `rows[${p.index}].${p.field}`, code: p.code })),
      problems.length,
    );
  }
  return out;
}

interface ImportOptions {
  store: Store;
  actor: Actor;
  planId: string;
  body: MeasurementBody;
  maxRows: number;
}

/** The body's rows, checked against the plan: every bad row listed, or all of them good. */
async function checkedRows({ store, actor, planId, body, maxRows }: ImportOptions): Promise<Measurement[]> {
  const { prepared } = await loadPlanModel(store, actor.orgId, planId);
  return body.kind === "file"
    ? await rowsOfFile(body, prepared, maxRows)
    : checkRows(body.rows, prepared, maxRows);
}

/**
 * Imports actuals into a plan: every row checked against the plan first, then written all
 * or nothing; re-sending the same rows changes nothing.
 */
export async function importMeasurements(options: ImportOptions): Promise<IngestResult> {
  const rows = await checkedRows(options);
  const { store, actor, planId, body } = options;
  return store.ingestMeasurements(actor, {
    planId,
    rows,
    source: body.kind === "file" ? `api:${body.fileName}` : "api:json",
  });
}

/** Rows of a dry run shown with their stored values. */
export const PREVIEW_ROWS = 50;

export type RowChange = "new" | "changed" | "same";

export interface DryRunResult {
  dryRun: true;
  inserted: number;
  updated: number;
  unchanged: number;
  rows: number;
  preview: (Measurement & { previous: number | null; change: RowChange })[];
}

const rowKey = (node: string, period: string, segment: string | undefined) =>
  `${node}\u0000${period}\u0000${segment ?? ""}`;

/**
 * What an import would do, without doing it: the same checks (the same errors), and the
 * counts the store would report, from the values it holds now. Writes nothing: no
 * measurement, no import record, no audit entry, no new data version.
 */
export async function previewImport(options: ImportOptions): Promise<DryRunResult> {
  const rows = await checkedRows(options);
  const { store, actor, planId } = options;
  // Each node's stored values over the periods the rows span (ids of one grain sort by time).
  const spans = new Map<string, { from: string; to: string }>();
  for (const row of rows) {
    const span = spans.get(row.node);
    if (!span) spans.set(row.node, { from: row.period, to: row.period });
    else {
      if (row.period < span.from) span.from = row.period;
      if (row.period > span.to) span.to = row.period;
    }
  }
  const stored = new Map<string, number>();
  for (const [nodeId, { from, to }] of spans) {
    for (const m of await store.listMeasurements(actor.orgId, planId, { nodeId, from, to }))
      stored.set(rowKey(m.node, m.period, m.segment), m.value);
  }
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const preview: DryRunResult["preview"] = [];
  for (const row of rows) {
    const previous = stored.get(rowKey(row.node, row.period, row.segment));
    const change: RowChange = previous === undefined ? "new" : previous === row.value ? "same" : "changed";
    if (change === "new") counts.inserted++;
    else if (change === "same") counts.unchanged++;
    else counts.updated++;
    if (preview.length < PREVIEW_ROWS) preview.push({ ...row, previous: previous ?? null, change });
  }
  return { dryRun: true, ...counts, rows: rows.length, preview };
}
