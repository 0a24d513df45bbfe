import { describe, expect, it } from "vitest";
import { parseTsv, placeBlock } from "./pasteBlock";

describe("parseTsv", () => {
  it.each([
    ["one cell", "1234", [["1234"]]],
    ["a row from Excel (final line break)", "1\t2\t3\r\n", [["1", "2", "3"]]],
    [
      "a block",
      "1\t2\n3\t4\n",
      [
        ["1", "2"],
        ["3", "4"],
      ],
    ],
    [
      "CRLF, no final break",
      "1\t2\r\n3\t4",
      [
        ["1", "2"],
        ["3", "4"],
      ],
    ],
    [
      "empty cells kept",
      "1\t\t3\n\t5\t\n",
      [
        ["1", "", "3"],
        ["", "5", ""],
      ],
    ],
    ["an empty row in the middle", "1\n\n3\n", [["1"], [""], ["3"]]],
    ["Japanese forms", "１，２３４\t▲500\t12.5%\n", [["１，２３４", "▲500", "12.5%"]]],
    [
      "a quoted cell with a tab, a break and a quote",
      '"a\tb"\t"c\nd"\t"say ""hi"""\n',
      [["a\tb", "c\nd", 'say "hi"']],
    ],
    ["a quote inside an unquoted cell", '12"\t3\n', [['12"', "3"]]],
    ["an unclosed quote is text", '"12\t3\n', [['"12', "3"]]],
    ["nothing", "", []],
  ])("%s", (_name, text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });
});

describe("placeBlock", () => {
  it("lays the block from the focused cell to the right and down", () => {
    expect(
      placeBlock(
        [
          ["1", "2"],
          ["3", "4"],
        ],
        { row: 1, column: 5 },
        { rows: 4, columns: 10 },
      ),
    ).toEqual({
      cells: [
        { row: 1, column: 5, text: "1" },
        { row: 1, column: 6, text: "2" },
        { row: 2, column: 5, text: "3" },
        { row: 2, column: 6, text: "4" },
      ],
      outside: 0,
    });
  });

  it("counts the cells beyond the grid's right and bottom edges instead of placing them", () => {
    const block = [
      ["a", "b", "c"],
      ["d", "e", "f"],
      ["g", "h", "i"],
    ];
    const placed = placeBlock(block, { row: 2, column: 8 }, { rows: 4, columns: 10 });
    expect(placed.cells).toEqual([
      { row: 2, column: 8, text: "a" },
      { row: 2, column: 9, text: "b" },
      { row: 3, column: 8, text: "d" },
      { row: 3, column: 9, text: "e" },
    ]);
    expect(placed.outside).toBe(5);
  });

  it("ragged rows place what they have", () => {
    expect(
      placeBlock([["1"], ["2", "3"]], { row: 0, column: 0 }, { rows: 5, columns: 5 }).cells,
    ).toHaveLength(3);
  });
});
