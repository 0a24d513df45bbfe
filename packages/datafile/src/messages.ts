import { defineMessages, type Grain, grainName } from "@shihyo/engine";

/** An id of each grain, to show what to write instead. */
export const GRAIN_EXAMPLE: Record<Grain, string> = {
  day: "2026-04-15",
  week: "2026-W16",
  month: "2026-04",
  quarter: "FY2026-Q1",
  half: "FY2026-H1",
  year: "FY2026",
};

/** "A".."Z", "AA".. for a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const didYouMeanEn = (s: string | null) => (s ? ` Did you mean "${s}"?` : "");
const didYouMeanJa = (s: string | null) => (s ? `「${s}」の誤りではありませんか？` : "");

type Text = { text: string };
type PeriodGrain = { period: string; grain: Grain; node: string; expected: Grain; fromDate: boolean };
type Duplicate = { node: string; period: string; segment: string; firstLine: number; sheet: boolean };
type DuplicateColumn = { name: string; first: number; sheet: boolean };
type Header = { header: string };
type Column = { name: string; suggestion: string | null };
type Where = { line: number; column: string; name: string };

/*
 * Reasons say what is wrong with one value and how to fix it; each names the value itself.
 * The `where.*` entries say where it is, and `located` joins the two into one message.
 */
export const dataFileMessages = defineMessages({
  en: {
    "where.line": ({ line }: { line: number }) => `Line ${line}`,
    "where.cell": ({ line, column, name }: Where) =>
      `Line ${line}, column ${column}${name ? ` (${name})` : ""}`,
    "where.sheetRow": ({ line }: { line: number }) => `Row ${line}`,
    "where.sheetCell": ({ line, column, name }: Where) =>
      `Row ${line}, column ${column}${name ? ` (${name})` : ""}`,
    located: ({ where, reason }: { where: string; reason: string }) => `${where}: ${reason}`,
    more: ({ count }: { count: number }) => `… and ${count} more ${count === 1 ? "error" : "errors"}.`,

    "data.periodGrain": ({ period, grain, node, expected, fromDate }: PeriodGrain) =>
      `"${period}" is a ${grainName(grain, "en")}, but "${node}" records data per ${grainName(expected, "en")}: write a period such as ${GRAIN_EXAMPLE[expected]}.` +
      (fromDate
        ? ` Excel stored this cell as a date; format the column as text and type ${GRAIN_EXAMPLE[expected]}.`
        : ""),
    "data.notANumber": ({ text }: Text) =>
      `"${text}" is not a number. Write digits, optionally with thousands separators, a decimal point and a trailing % or 円, e.g. 1,234.5, 12.5% or 1,000円.`,
    "data.emptyCell": ({ name }: { name: string }) =>
      `The ${name} is empty: every row of the long shape needs a node, a period and a value.`,
    "data.emptyPeriod": () =>
      `The period is empty, but the row has values: write the period in the first column.`,
    "data.duplicate": ({ node, period, segment, firstLine, sheet }: Duplicate) =>
      `"${node}" for ${period}${segment ? ` in segment "${segment}"` : ""} already has a value on ${sheet ? "row" : "line"} ${firstLine}: give each node, period and segment one value per file.`,
    "data.duplicateColumn": ({ name, first, sheet }: DuplicateColumn) =>
      `The column "${name}" appears twice (also column ${sheet ? columnLetter(first) : first}): give each column once.`,
    "data.badHeader": ({ header }: Header) =>
      `The header ${header} fits neither accepted shape. Long: the columns node, period and value (and optionally segment), one value per row. Wide: period in the first column, then one column per node id.`,
    "data.unknownColumn": ({ name, suggestion }: Column) =>
      `"${name}" is not a column of the long shape, which has node, period, value and optionally segment.${didYouMeanEn(suggestion)}`,
    "data.unnamedColumn": ({ text }: Text) =>
      `"${text}" is in a column without a header: name the column or remove the value.`,
    "data.quoteNotClosed": () =>
      `A quoted field in this record is never closed: a closing double quote (") is missing.`,
    "data.badQuote": () =>
      `A double quote (") stands inside a field that is not quoted: quote the whole field and double the quote inside it (""), as spreadsheet programs do.`,
    "data.csvSyntax": ({ detail }: { detail: string }) => `The CSV cannot be read here: ${detail}`,
    "data.badEncoding": () =>
      `The file is neither UTF-8 nor Shift_JIS: the text here cannot be read. Save the file as "CSV UTF-8".`,
    "data.empty": () => `The file is empty: it needs a header line and then rows of data.`,
    "data.badWorkbook": ({ detail }: { detail: string }) =>
      `The file cannot be read as an Excel workbook (.xlsx): ${detail}`,
    "data.xlsNotSupported": () =>
      `Old Excel workbooks (.xls) cannot be read: save the file as an Excel workbook (.xlsx) or as CSV.`,
    "data.tooManyRows": ({ max }: { max: number }) =>
      `The file has more than ${max} values: split it into smaller files.`,
  },
  ja: {
    "where.line": ({ line }: { line: number }) => `${line}行目`,
    "where.cell": ({ line, column, name }: Where) => `${line}行目、${column}列目${name ? `（${name}）` : ""}`,
    "where.sheetRow": ({ line }: { line: number }) => `${line}行目`,
    "where.sheetCell": ({ line, column, name }: Where) =>
      `${line}行目、${column}列${name ? `（${name}）` : ""}`,
    located: ({ where, reason }: { where: string; reason: string }) => `${where}: ${reason}`,
    more: ({ count }: { count: number }) => `…ほかに ${count} 件のエラーがあります。`,

    "data.periodGrain": ({ period, grain, node, expected, fromDate }: PeriodGrain) =>
      `「${period}」は${grainName(grain, "ja")}単位の期間ですが、「${node}」のデータは${grainName(expected, "ja")}単位で記録します。${GRAIN_EXAMPLE[expected]} のように書いてください。` +
      (fromDate
        ? `Excelがこのセルを日付として保存しています。列の書式を文字列にして ${GRAIN_EXAMPLE[expected]} と入力してください。`
        : ""),
    "data.notANumber": ({ text }: Text) =>
      `「${text}」は数値として読めません。数字に、必要なら桁区切りのカンマ、小数点、末尾の % や 円 を付けて書いてください（例: 1,234.5、12.5%、1,000円）。`,
    "data.emptyCell": ({ name }: { name: string }) =>
      `${name} が空です。long形式の各行には node・period・value が必要です。`,
    "data.emptyPeriod": () => `期間が空ですが、この行には値があります。1列目に期間を書いてください。`,
    "data.duplicate": ({ node, period, segment, firstLine }: Duplicate) =>
      `「${node}」の ${period}${segment ? `（セグメント「${segment}」）` : ""}の値は${firstLine}行目にもあります。1つのファイルでは、ノード・期間・セグメントの組ごとに値を1つにしてください。`,
    "data.duplicateColumn": ({ name, first, sheet }: DuplicateColumn) =>
      `列「${name}」が重複しています（${sheet ? `${columnLetter(first)}列` : `${first}列目`}にもあります）。列は1つにしてください。`,
    "data.badHeader": ({ header }: Header) =>
      `見出し行 ${header} は、受け付ける2つの形式のどちらにも合いません。long形式: node・period・value（任意で segment）の列を持ち、1行に1つの値を書きます。wide形式: 1列目を period とし、2列目以降にノードIDごとの列を並べます。`,
    "data.unknownColumn": ({ name, suggestion }: Column) =>
      `「${name}」はlong形式の列ではありません。使える列は node・period・value と、任意の segment です。${didYouMeanJa(suggestion)}`,
    "data.unnamedColumn": ({ text }: Text) =>
      `「${text}」は見出しのない列にあります。列に見出しを付けるか、値を削除してください。`,
    "data.quoteNotClosed": () =>
      `この行から始まるレコードに、引用符（"）が閉じられていないフィールドがあります。閉じる " が足りません。`,
    "data.badQuote": () =>
      `引用符で囲まれていないフィールドの中に " があります。表計算ソフトと同じように、フィールド全体を " で囲み、中の " は "" と2つ重ねてください。`,
    "data.csvSyntax": ({ detail }: { detail: string }) => `ここでCSVを読み取れません: ${detail}`,
    "data.badEncoding": () =>
      `ファイルが UTF-8 でも Shift_JIS でもないため、ここの文字を読み取れません。「CSV UTF-8」形式で保存し直してください。`,
    "data.empty": () => `ファイルが空です。見出し行と、その下にデータの行が必要です。`,
    "data.badWorkbook": ({ detail }: { detail: string }) =>
      `Excelブック（.xlsx）として読み取れません: ${detail}`,
    "data.xlsNotSupported": () =>
      `古い形式のExcelブック（.xls）は読み取れません。Excelブック（.xlsx）かCSVで保存し直してください。`,
    "data.tooManyRows": ({ max }: { max: number }) =>
      `値が ${max} 件を超えています。ファイルを分割してください。`,
  },
});

export type DataFileMessageCode = keyof typeof dataFileMessages.en;
