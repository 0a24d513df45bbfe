/*
 * A block copied from Excel, Numbers or Google Sheets arrives on the clipboard as text:
 * tab between cells, a line break between rows, a final line break, and a cell that holds
 * a tab, a line break or a quote wrapped in quotes with its quotes doubled.
 */

/** The rows and cells of clipboard text (tab-separated values). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let cellStart = true;
  while (i < text.length) {
    const char = text[i]!;
    if (cellStart && char === '"') {
      // A quoted cell runs to the quote that is not doubled.
      const close = closingQuote(text, i + 1);
      if (close !== -1) {
        cell = text.slice(i + 1, close).replaceAll('""', '"');
        i = close + 1;
        cellStart = false;
        continue;
      }
    }
    cellStart = false;
    if (char === "\t") {
      row.push(cell);
      cell = "";
      cellStart = true;
    } else if (char === "\n" || char === "\r") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      cellStart = true;
      if (char === "\r" && text[i + 1] === "\n") i++;
    } else {
      cell += char;
    }
    i++;
  }
  if (!cellStart || row.length > 0 || cell !== "") {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Where the quoted cell opened before `from` ends, or -1 when it is not a quoted cell after
 * all (no closing quote followed by a tab, a line break or the end).
 */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === "\t" || next === "\n" || next === "\r" ? i : -1;
  }
  return -1;
}

export interface PlacedCell {
  row: number;
  column: number;
  text: string;
}

/**
 * The block's cells laid on the grid from the focused cell to the right and down; cells
 * that fall outside the grid are counted, not placed.
 */
export function placeBlock(
  block: readonly (readonly string[])[],
  start: { row: number; column: number },
  size: { rows: number; columns: number },
): { cells: PlacedCell[]; outside: number } {
  const cells: PlacedCell[] = [];
  let outside = 0;
  block.forEach((values, r) => {
    values.forEach((text, c) => {
      const row = start.row + r;
      const column = start.column + c;
      if (row < size.rows && column < size.columns) cells.push({ row, column, text });
      else outside++;
    });
  });
  return { cells, outside };
}
