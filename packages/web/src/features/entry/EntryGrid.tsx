import type { Aggregation } from "@shihyo/engine";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { formatValue } from "../../format/formatValue";
import type { Lang } from "../../i18n/catalog";
import type { EntryNode } from "./api";
import { editText } from "./cellNumber";
import { type CellCheck, checkDraft, type Drafts, type StoredValues, storedValue } from "./drafts";
import { parseTsv, placeBlock } from "./pasteBlock";
import type { PeriodColumn } from "./periodColumns";
import { type EntryRow, totalAt } from "./segmentRows";

export interface CellEdit {
  /** The row key (see `rowKey`). */
  row: string;
  period: string;
  text: string;
}

export type GridRow = EntryRow<EntryNode>;

interface EntryGridProps {
  caption: string;
  rows: readonly GridRow[];
  columns: readonly PeriodColumn[];
  stored: StoredValues;
  drafts: Drafts;
  /** Problems the server found in the last save, by `row key\u0000period`. */
  serverProblems: ReadonlyMap<string, string>;
  readOnly: boolean;
  lang: Lang;
  /** The column to start on (today's). */
  startColumn: number;
  onEdit: (edits: CellEdit[]) => void;
  /** A message for everyone (pasted cells), read out politely. */
  onNotice: (text: string) => void;
}

type Editing = { text: string; mode: "enter" | "edit" } | null;

export const cellKey = (row: string, period: string) => `${row}\u0000${period}`;

/** A total row's cells are worked out from its segment rows; nothing is typed into them. */
const takesInput = (row: GridRow) => row.kind !== "total";

/** What a cell shows and whether it is wrong, from its draft, its stored value and the server's word. */
function cellState(
  row: GridRow,
  period: string,
  stored: StoredValues,
  draft: string | undefined,
  lang: Lang,
) {
  const node = row.node;
  const old = storedValue(stored, row.key, period);
  if (draft === undefined)
    return { text: old === null ? "" : formatValue(old, node.unit, lang), dirty: false, check: null };
  const check = checkDraft(draft, old, node.unit);
  const text =
    check.kind === "ok" ? (check.value === null ? "" : formatValue(check.value, node.unit, lang)) : draft;
  return { text, dirty: true, check: check.kind === "ok" ? null : check };
}

function useProblemText() {
  const { t } = useTranslation();
  return (check: Exclude<CellCheck, { kind: "ok" }>, draft: string, unit: string | undefined, lang: Lang) =>
    check.kind === "notNumber"
      ? t("entry.grid.notNumber", { text: draft })
      : t("entry.grid.cannotDelete", { value: formatValue(check.stored, unit, lang) });
}

/** A row's name as one phrase (the KPI, and its segment), for labels and messages. */
export function useRowLabel() {
  const { t } = useTranslation();
  return (row: GridRow) => {
    const name = row.node.name ?? row.node.id;
    switch (row.kind) {
      case "own":
        return name;
      case "total":
        return t("entry.segments.totalLabel", { node: name });
      case "unsegmented":
        return t("entry.segments.rowLabel", { node: name, segment: t("entry.segments.none") });
      case "segment":
        return t("entry.segments.rowLabel", { node: name, segment: row.segment });
    }
  };
}

/**
 * A spreadsheet-like grid: rows are KPIs (and a KPI's segments, under its total), columns the
 * periods of their grain. The focused cell
 * holds the one text box (so that a Japanese IME works from the first key); the others are text.
 * Keys as in a spreadsheet: arrows, Tab / Shift+Tab, Enter / Shift+Enter move; typing replaces
 * the value, F2 or a double click edits it; Esc cancels; Delete clears; Ctrl+V pastes a block.
 */
export function EntryGrid(props: EntryGridProps) {
  const { t } = useTranslation();
  const { rows, columns, stored, drafts, serverProblems, readOnly, lang } = props;
  const [active, setActive] = useState(() => ({ row: 0, column: props.startColumn }));
  const [editing, setEditing] = useState<Editing>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const focusWithin = useRef(false);
  const messageId = useId();
  const captionId = useId();
  const problemText = useProblemText();
  const rowLabel = useRowLabel();

  const row = Math.min(active.row, rows.length - 1);
  const column = Math.min(active.column, columns.length - 1);
  const node = rows[row];
  const period = columns[column];

  // Each total row's cells, from its node's value rows (the rows after it with the same node).
  const totals = useMemo(() => {
    const out = new Map<string, { value: number | null; pending: boolean }[]>();
    rows.forEach((r, index) => {
      if (r.kind !== "total") return;
      const parts: GridRow[] = [];
      for (let i = index + 1; i < rows.length && rows[i]!.node === r.node; i++) parts.push(rows[i]!);
      out.set(
        r.key,
        columns.map((c) => totalAt(r.node, parts, c.id, stored, drafts)),
      );
    });
    return out;
  }, [rows, columns, stored, drafts]);

  // Opens on today's column (the grid is remounted for another period, grain or set of rows).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useLayoutEffect(() => {
    const box = scroller.current;
    const cell = box?.querySelector<HTMLElement>(`[data-column="${props.startColumn}"]`);
    const header = box?.querySelector<HTMLElement>("th[scope=row]");
    if (!box || !cell) return;
    const offset = cell.getBoundingClientRect().left - box.getBoundingClientRect().left;
    // Today a little right of the middle: the days just before it are the ones usually entered.
    const fixed = header?.offsetWidth ?? 0;
    box.scrollLeft = Math.max(0, box.scrollLeft + offset - fixed - (box.clientWidth - fixed) * 0.6);
  }, []);

  const isEditing = editing !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the focused cell or the mode changes
  useEffect(() => {
    const box = input.current;
    if (!box || !focusWithin.current) return;
    if (document.activeElement !== box) box.focus({ preventScroll: true });
    box.closest("td")?.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (!isEditing) box.select();
  }, [isEditing, row, column]);

  // Outside editing the focused cell's whole text stays selected, so that typing replaces it
  // (a new value after Esc or Delete too: React puts the caret at the end when the value changes).
  useLayoutEffect(() => {
    const box = input.current;
    if (!box || isEditing || document.activeElement !== box) return;
    if (box.selectionStart !== 0 || box.selectionEnd !== box.value.length) box.select();
  });

  // The latest state for the stable handlers below (rows are memoised and must not re-render for them).
  const latest = useRef({ props, row, column, node, period, editing });
  latest.current = { props, row, column, node, period, editing };

  const commit = useCallback((text: string) => {
    const { node: n, period: p, props: current } = latest.current;
    if (!n || !p || !takesInput(n)) return;
    current.onEdit([{ row: n.key, period: p.id, text }]);
  }, []);

  const move = useCallback((rowStep: number, columnStep: number) => {
    const { props: current, row: r, column: c } = latest.current;
    setEditing(null);
    setActive({
      row: Math.max(0, Math.min(current.rows.length - 1, r + rowStep)),
      column: Math.max(0, Math.min(current.columns.length - 1, c + columnStep)),
    });
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      // Keys that confirm an IME conversion belong to the IME.
      if (event.nativeEvent.isComposing || event.keyCode === 229) return;
      const { props: current, row: r, column: c, node: n, period: p, editing: e } = latest.current;
      if (!n || !p) return;
      const lastRow = current.rows.length - 1;
      const lastColumn = current.columns.length - 1;
      const finish = () => {
        if (e) commit(e.text);
      };
      switch (event.key) {
        case "ArrowUp":
        case "ArrowDown":
          event.preventDefault();
          finish();
          move(event.key === "ArrowUp" ? -1 : 1, 0);
          return;
        case "ArrowLeft":
        case "ArrowRight":
          if (e?.mode === "edit") return; // moves the caret
          event.preventDefault();
          finish();
          move(0, event.key === "ArrowLeft" ? -1 : 1);
          return;
        case "Enter":
          event.preventDefault();
          finish();
          move(event.shiftKey ? -1 : 1, 0);
          return;
        case "Tab": {
          // Along the row, on to the next row; out of the grid past its first or last cell.
          const back = event.shiftKey;
          if ((back && r === 0 && c === 0) || (!back && r === lastRow && c === lastColumn)) {
            finish();
            setEditing(null);
            return;
          }
          event.preventDefault();
          finish();
          setEditing(null);
          if (back) setActive(c === 0 ? { row: r - 1, column: lastColumn } : { row: r, column: c - 1 });
          else setActive(c === lastColumn ? { row: r + 1, column: 0 } : { row: r, column: c + 1 });
          return;
        }
        case "Escape":
          event.preventDefault();
          if (e) setEditing(null);
          else if (!current.readOnly) commit(editText(storedValue(current.stored, n.key, p.id), n.node.unit));
          return;
        case "F2":
          event.preventDefault();
          if (!e && !current.readOnly && takesInput(n)) {
            const draft = current.drafts[n.key]?.[p.id];
            setEditing({
              text: draft ?? editText(storedValue(current.stored, n.key, p.id), n.node.unit),
              mode: "edit",
            });
          }
          return;
        case "Delete":
        case "Backspace":
          if (e) return;
          event.preventDefault();
          if (!current.readOnly) commit("");
          return;
        case "Home":
        case "End":
          if (e) return;
          event.preventDefault();
          setActive({
            row: event.ctrlKey || event.metaKey ? (event.key === "Home" ? 0 : lastRow) : r,
            column: event.key === "Home" ? 0 : lastColumn,
          });
      }
    },
    [commit, move],
  );

  const onChange = useCallback((text: string) => {
    const { props: current, node: n } = latest.current;
    if (current.readOnly || !n || !takesInput(n)) return;
    setEditing((e) => ({ text, mode: e?.mode ?? "enter" }));
  }, []);

  const onBlur = useCallback(() => {
    const { editing: e } = latest.current;
    if (e) {
      commit(e.text);
      setEditing(null);
    }
  }, [commit]);

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLInputElement>) => {
      const { props: current, row: r, column: c, editing: e } = latest.current;
      const text = event.clipboardData.getData("text/plain");
      // Inside a cell being edited, a plain value pastes into the text as usual.
      if (current.readOnly || (e && !/[\t\r\n]/.test(text.replace(/[\r\n]+$/, "")))) return;
      event.preventDefault();
      const block = parseTsv(text);
      const placed = placeBlock(
        block,
        { row: r, column: c },
        { rows: current.rows.length, columns: current.columns.length },
      );
      // Cells that land on a total row are not typed into (their row is worked out).
      const cells = placed.cells.filter((cell) => takesInput(current.rows[cell.row]!));
      const outside = placed.outside + placed.cells.length - cells.length;
      setEditing(null);
      current.onEdit(
        cells.map((cell) => ({
          row: current.rows[cell.row]!.key,
          period: current.columns[cell.column]!.id,
          text: cell.text,
        })),
      );
      current.onNotice(
        outside > 0
          ? t("entry.grid.pastedOutside", { count: cells.length, outside })
          : t("entry.grid.pasted", { count: cells.length }),
      );
    },
    [t],
  );

  const onCellMouseDown = useCallback(
    (event: MouseEvent<HTMLTableElement>) => {
      const cell = (event.target as HTMLElement).closest<HTMLElement>("td[data-column]");
      if (!cell) return;
      const { editing: e } = latest.current;
      // Inside the cell being edited a click places the caret; anywhere else it selects a cell.
      if (e && cell.contains(event.target as Node) && cell.querySelector("input") === event.target) return;
      event.preventDefault();
      if (e) commit(e.text);
      focusWithin.current = true;
      setEditing(null);
      setActive({ row: Number(cell.dataset.row), column: Number(cell.dataset.column) });
      input.current?.focus({ preventScroll: true });
      input.current?.select();
    },
    [commit],
  );

  const onDoubleClick = useCallback(() => {
    const { props: current, node: n, period: p, editing: e } = latest.current;
    if (e || !n || !p || current.readOnly || !takesInput(n)) return;
    const draft = current.drafts[n.key]?.[p.id];
    setEditing({
      text: draft ?? editText(storedValue(current.stored, n.key, p.id), n.node.unit),
      mode: "edit",
    });
  }, []);

  if (!node || !period) return null;

  // The focused cell's problem, announced with it and shown under the grid.
  const activeDraft = drafts[node.key]?.[period.id];
  const activeState = cellState(node, period.id, stored, editing ? editing.text : activeDraft, lang);
  const activeProblem = activeState.check
    ? problemText(activeState.check, editing ? editing.text : (activeDraft ?? ""), node.node.unit, lang)
    : (serverProblems.get(cellKey(node.key, period.id)) ?? null);

  return (
    <div className="entry-grid-wrap">
      <div className="entry-grid-scroll" ref={scroller}>
        {/* The ARIA data grid on a table (WAI-ARIA APG "Data Grid"): arrow keys move between cells. */}
        <table
          className="entry-grid"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table that is a grid
          role="grid"
          aria-labelledby={captionId}
          aria-readonly={readOnly || undefined}
          onMouseDown={onCellMouseDown}
          onDoubleClick={onDoubleClick}
          onFocus={() => {
            focusWithin.current = true;
          }}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null))
              focusWithin.current = false;
          }}
        >
          <caption id={captionId} className="visually-hidden">
            {props.caption}
          </caption>
          <GridHead columns={columns} />
          <tbody>
            {rows.map((n, r) => (
              <GridRowView
                key={n.key}
                row={n}
                label={rowLabel(n)}
                totals={totals.get(n.key)}
                rowIndex={r}
                columns={columns}
                stored={stored}
                storedRow={stored[n.key]}
                draftRow={drafts[n.key]}
                serverProblems={serverProblems}
                lang={lang}
                activeColumn={r === row ? column : -1}
                editing={r === row ? editing : null}
                messageId={messageId}
                inputRef={input}
                onKeyDown={onKeyDown}
                onChange={onChange}
                onBlur={onBlur}
                onPaste={onPaste}
                readOnly={readOnly}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p id={messageId} className={activeProblem ? "cell-message error" : "cell-message"} aria-live="polite">
        {activeProblem ? (
          <>
            <strong>{t("entry.grid.cellLabel", { node: rowLabel(node), period: period.long })}</strong>{" "}
            {activeProblem}
          </>
        ) : (
          !takesInput(node) && !readOnly && t("entry.segments.totalHint")
        )}
      </p>
    </div>
  );
}

const GridHead = memo(function GridHead({ columns }: { columns: readonly PeriodColumn[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col" className="entry-kpi-head">
          {t("entry.grid.kpi")}
        </th>
        {columns.map((c) => (
          <th
            key={c.id}
            scope="col"
            title={c.long}
            className={c.today ? "today" : c.future ? "future" : undefined}
          >
            <span className="visually-hidden">{c.long}</span>
            <span aria-hidden="true">
              {c.label}
              {c.sub && <span className="column-sub">{c.sub}</span>}
            </span>
            {c.today && <span className="today-tag">{t("entry.grid.today")}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
});

interface GridRowProps {
  row: GridRow;
  /** The row's name as one phrase (see `useRowLabel`). */
  label: string;
  /** A total row's cells, by column. */
  totals: readonly { value: number | null; pending: boolean }[] | undefined;
  rowIndex: number;
  columns: readonly PeriodColumn[];
  stored: StoredValues;
  /** Only to re-render when this row's stored values change. */
  storedRow: Readonly<Record<string, number>> | undefined;
  draftRow: Readonly<Record<string, string>> | undefined;
  serverProblems: ReadonlyMap<string, string>;
  lang: Lang;
  /** The focused column when this row holds the focused cell, else -1. */
  activeColumn: number;
  editing: Editing;
  messageId: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onChange: (text: string) => void;
  onBlur: () => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
  readOnly: boolean;
}

/** The row's header: the KPI (its name and id), or under a KPI's total, a segment's name. */
function RowHeader({ row }: { row: GridRow }) {
  const { t } = useTranslation();
  const { node } = row;
  const name = node.name ?? node.id;
  if (row.kind === "own" || row.kind === "total")
    return (
      <th scope="row" className={row.kind === "total" ? "entry-kpi entry-total-head" : "entry-kpi"}>
        <span className="entry-kpi-name">{name}</span>
        <span className="entry-kpi-id">
          {node.id}
          {node.unit === "percent" ? " (%)" : ""}
          {row.kind === "total" && (
            <span className="entry-total-tag">
              {t(`entry.segments.aggregations.${node.aggregation as Aggregation}`)}
            </span>
          )}
        </span>
      </th>
    );
  return (
    <th scope="row" className="entry-kpi entry-segment-head">
      <span className="visually-hidden">{name}</span>{" "}
      <span className={row.kind === "unsegmented" ? "entry-segment-name none" : "entry-segment-name"}>
        {row.kind === "unsegmented" ? t("entry.segments.none") : row.segment}
      </span>
    </th>
  );
}

const GridRowView = memo(function GridRowView(props: GridRowProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { row, label, totals, columns, stored, draftRow, serverProblems, lang, activeColumn, editing } =
    props;
  const unit = row.node.unit;
  const isTotal = totals !== undefined;
  // What each cell shows, worked out again only when the row's values change (not on every move).
  // biome-ignore lint/correctness/useExhaustiveDependencies: storedRow and draftRow are what change
  const states = useMemo(
    () =>
      columns.map((c, index) => {
        if (!totals) return cellState(row, c.id, stored, draftRow?.[c.id], lang);
        const total = totals[index]!;
        return {
          text: total.value === null ? "" : formatValue(total.value, unit, lang),
          dirty: total.pending,
          check: null,
        };
      }),
    [row, columns, props.storedRow, draftRow, totals, lang],
  );
  const rowClass =
    row.kind === "total" ? "entry-total-row" : row.kind === "own" ? undefined : "entry-segment-row";
  return (
    <tr className={rowClass}>
      <RowHeader row={row} />
      {columns.map((c, index) => {
        const draft = draftRow?.[c.id];
        const active = index === activeColumn;
        const state =
          active && editing && !isTotal ? cellState(row, c.id, stored, editing.text, lang) : states[index]!;
        const serverProblem = serverProblems.get(cellKey(row.key, c.id));
        const problem = state.check
          ? problemText(state.check, active && editing ? editing.text : (draft ?? ""), unit, lang)
          : (serverProblem ?? null);
        const classes = ["entry-cell"];
        if (isTotal) classes.push("total");
        if (state.dirty) classes.push("dirty");
        if (problem) classes.push("invalid");
        if (c.today) classes.push("today");
        else if (c.future) classes.push("future");
        if (active) classes.push("active");
        return (
          // The focused cell holds the text box that takes focus (APG: a cell with one widget
          // focuses the widget), so the cells themselves are not focusable.
          // biome-ignore lint/a11y/useFocusableInteractive: focus goes to the text box inside
          <td
            key={c.id}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a cell of the grid
            role="gridcell"
            data-row={props.rowIndex}
            data-column={index}
            className={classes.join(" ")}
            aria-invalid={problem ? true : undefined}
            aria-readonly={isTotal || undefined}
            aria-selected={active}
            aria-describedby={active && (problem || isTotal) ? props.messageId : undefined}
            title={problem ?? undefined}
          >
            {active ? (
              <input
                ref={props.inputRef}
                className="entry-input"
                aria-label={t("entry.grid.cellLabel", { node: label, period: c.long })}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem || isTotal ? props.messageId : undefined}
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                readOnly={props.readOnly || isTotal}
                value={editing && !isTotal ? editing.text : state.text}
                onKeyDown={props.onKeyDown}
                onChange={(event) => props.onChange(event.target.value)}
                onBlur={props.onBlur}
                onPaste={props.onPaste}
              />
            ) : (
              state.text
            )}
            {state.dirty && (
              <span className="visually-hidden">
                {" "}
                ({isTotal ? t("entry.segments.totalUnsaved") : t("entry.grid.unsaved")})
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
});
