import { parseNumberCell } from "@shihyo/datafile";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatValue } from "../../format/formatValue";
import type { Lang } from "../../i18n/catalog";
import { editText, readCellNumber } from "./cellNumber";

describe("readCellNumber", () => {
  it.each([
    // as typed in English and in Japanese (an IME gives full-width forms)
    ["1,234", "count", 1234],
    ["1234.5", "count", 1234.5],
    ["-12", "count", -12],
    ["+7", "count", 7],
    [".5", "count", 0.5],
    ["5.", "count", 5],
    ["  42 ", "count", 42],
    ["¥1,000", "JPY", 1000],
    ["￥1,000", "JPY", 1000],
    ["1,000円", "JPY", 1000],
    ["-¥1,000", "JPY", -1000],
    ["¥-1,000", "JPY", -1000],
    ["$1,234.50", "USD", 1234.5],
    ["▲500", "JPY", -500],
    ["△1,200円", "JPY", -1200],
    ["−3", "count", -3],
    ["\u3000１２３\u3000", "count", 123],
    ["１，２３４．５", "count", 1234.5],
    ["1e3", "count", 1000],
    ["12.5%", "ratio", 0.125],
    // a percent KPI takes percentage points, with or without the sign
    ["12.5%", "percent", 0.125],
    ["12.5", "percent", 0.125],
    ["３０％", "percent", 0.3],
    ["1.1", "percent", 1.1 / 100],
    ["-0", "count", 0],
  ])("reads %j (%s) as %d", (text, unit, value) => {
    expect(readCellNumber(text, unit)).toEqual({ ok: true, value });
  });

  it.each([
    ["abc"],
    ["1.2.3"],
    ["12%%"],
    ["1,23"],
    ["1234,567"],
    ["NaN"],
    ["Infinity"],
    ["1e400"],
    ["(1,234)"],
    ["1.234,5"],
    ["--5"],
    ["-"],
    ["."],
    ["%"],
    ["円"],
    ["¥1,000円"],
    ["¥12%"],
    ["12 34"],
    ["0x10"],
    ["1_000"],
    ["12円%"],
    ["1,000e3"],
  ])("rejects %j", (text) => {
    expect(readCellNumber(text, "count")).toEqual({ ok: false });
  });

  it("reads empty text as no value", () => {
    expect(readCellNumber("", "count")).toEqual({ ok: true, value: null });
    expect(readCellNumber("\u3000 ", "percent")).toEqual({ ok: true, value: null });
  });

  it("agrees with the data files' reader on any text made of number characters (units other than percent)", () => {
    const alphabet = fc.constantFrom(..."0123456789,.-+%¥$円▲ e１，．％".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => {
        const text = chars.join("");
        const ours = readCellNumber(text, "count");
        const theirs = parseNumberCell(text);
        if (text.trim() === "") return;
        expect(ours.ok ? ours.value : null).toBe(theirs);
      }),
      { numRuns: 3000 },
    );
  });

  it.each<[number, string, Lang]>([
    [1234, "count", "ja"],
    [1234, "count", "en"],
    [39_600_000, "JPY", "ja"],
    [39_600_000, "JPY", "en"],
    [-1500, "JPY", "ja"],
    [0.125, "percent", "ja"],
    [0.0105, "percent", "en"],
    [1234.5, "USD", "en"],
  ])("reads back what the app shows: %d %s in %s", (value, unit, lang) => {
    expect(readCellNumber(formatValue(value, unit, lang), unit)).toEqual({ ok: true, value });
  });
});

describe("editText", () => {
  it.each([
    [1234567, "count", "1234567"],
    [0.125, "percent", "12.5%"],
    [0.0102, "percent", "1.02%"],
    [0.1 + 0.2, "ratio", "0.3"],
    [null, "count", ""],
  ])("%s (%s) is edited as %j and read back", (value, unit, text) => {
    expect(editText(value, unit)).toBe(text);
    if (value !== null)
      expect(readCellNumber(text, unit)).toEqual({ ok: true, value: Number(value.toPrecision(15)) });
  });
});
