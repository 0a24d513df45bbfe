import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumberCell } from "./parseNumberCell.js";

describe("parseNumberCell", () => {
  it.each([
    ["1,234,567", 1234567],
    ["1234.5", 1234.5],
    ["-12", -12],
    ["+7", 7],
    ["0", 0],
    ["-0", 0],
    [".5", 0.5],
    ["12,345,678.9", 12345678.9],
    ["999,999", 999999],
    ["12.5%", 0.125],
    ["-5%", -0.05],
    ["5 %", 0.05],
    ["1,000円", 1000],
    ["1,000 円", 1000],
    ["¥1,000", 1000],
    ["￥1,000", 1000],
    ["$1,234.50", 1234.5],
    ["-¥1,000", -1000],
    ["¥-1,000", -1000],
    ["▲500", -500],
    ["△1,200円", -1200],
    ["−3", -3],
    ["  42  ", 42],
    ["\u3000１２３\u3000", 123],
    ["１，２３４．５", 1234.5],
    ["３０％", 0.3],
    ["1e3", 1000],
    ["1.5E-3", 0.0015],
  ])("reads %j as %d", (text, expected) => {
    expect(parseNumberCell(text)).toBe(expected);
  });

  it.each([
    [""],
    ["   "],
    ["abc"],
    ["1.2.3"],
    ["12%%"],
    ["1,23"],
    ["1,2345"],
    ["1234,567"],
    [",123"],
    ["1,"],
    ["1,000,00"],
    ["NaN"],
    ["Infinity"],
    ["-Infinity"],
    ["1e400"],
    ["(1,234)"],
    ["1.234,5"],
    ["--5"],
    ["-"],
    ["%"],
    ["円"],
    ["¥1,000円"],
    ["¥12%"],
    ["1,000e3"],
    ["1e"],
    ["12 34"],
    ["0x10"],
    ["1_000"],
    ["12円%"],
  ])("rejects %j", (text) => {
    expect(parseNumberCell(text)).toBeNull();
  });

  it("gives back any finite number written with thousands separators", () => {
    const format = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 17, useGrouping: true });
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const parsed = parseNumberCell(format.format(value));
        expect(parsed).not.toBeNull();
        expect(Math.abs(parsed! - value)).toBeLessThanOrEqual(1e-9 * Math.abs(value));
      }),
    );
  });

  it("gives back percentages and yen amounts", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (value) => {
        const grouped = value.toLocaleString("en-US");
        expect(parseNumberCell(`${grouped}円`)).toBe(value);
        expect(parseNumberCell(`¥${grouped}`)).toBe(value);
        expect(parseNumberCell(`${grouped}%`)).toBeCloseTo(value / 100, 9);
      }),
    );
  });
});
