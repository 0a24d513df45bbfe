/*
 * Numbers as people type them into spreadsheets: "1,234,567", "12.5%", "1,000円", "¥1,000",
 * "▲500" (the Japanese accounting minus) and the full-width forms a Japanese IME produces
 * ("１２３"). Written as a scanner over char codes because it runs for every imported cell.
 */

const ZERO = 48;
const NINE = 57;
const COMMA = 44;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;
const PERCENT = 37;
const LOWER_E = 101;
const UPPER_E = 69;
const DOLLAR = 36;
const YEN = 0xa5;
const YEN_SUFFIX = 0x5186; // 円

/** Maps the full-width and typographic forms of the characters a number may hold to ASCII. */
function asciiOf(code: number): number {
  if (code < 0x80) return code;
  if (code >= 0xff01 && code <= 0xff5e) {
    // Full-width ASCII block: digits, ",", ".", "+", "-", "%", "$", "e", "E".
    return code - 0xfee0;
  }
  switch (code) {
    case 0x2212: // − minus sign
    case 0x25b2: // ▲
    case 0x25b3: // △
      return MINUS;
    case 0xffe5: // ￥
      return YEN;
    default:
      return code;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || code === 0x202f;
}

/**
 * The number a cell's text means, or null when it is not one. Accepts an optional sign
 * (`-`, `+`, `−`, `▲`, `△`), an optional currency (`¥`, `￥`, `$` before, or `円` after),
 * digits with optional thousands separators in groups of three, a decimal part, an exponent
 * (not with separators), and a trailing `%` (the number is then divided by 100), with spaces
 * around. Rejects everything else: empty text, "1.2.3", "12%%", "1,23", "NaN", "Infinity",
 * "(1,234)", European "1.234,5", and numbers too large to be finite.
 */
export function parseNumberCell(text: string): number | null {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return null;

  let negative = false;
  let signed = false;
  let currency = false;
  let percent = false;

  // Suffix: "%" or "円", possibly after a space.
  const last = asciiOf(text.charCodeAt(end - 1));
  if (last === PERCENT || last === YEN_SUFFIX) {
    percent = last === PERCENT;
    currency = last === YEN_SUFFIX;
    end--;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  }

  // Prefix: sign and currency in either order ("-¥1,000" and "¥-1,000").
  for (let k = 0; k < 2 && start < end; k++) {
    const code = asciiOf(text.charCodeAt(start));
    if (!signed && (code === MINUS || code === PLUS)) {
      signed = true;
      negative = code === MINUS;
      start++;
    } else if (!currency && !percent && (code === YEN || code === DOLLAR)) {
      currency = true;
      start++;
    } else {
      break;
    }
    while (start < end && isSpace(text.charCodeAt(start))) start++;
  }

  // Body: integer digits (grouped or not), fraction, exponent. Validated here; converted by
  // Number() below, after dropping separators and mapping full-width characters.
  const bodyStart = start;
  let wide = false;
  let digits = 0;
  let groupDigits = 0;
  let grouped = false;
  let i = start;
  for (; i < end; i++) {
    const raw = text.charCodeAt(i);
    const code = asciiOf(raw);
    if (code >= ZERO && code <= NINE) {
      digits++;
      groupDigits++;
      if (grouped && groupDigits > 3) return null;
    } else if (code === COMMA) {
      if (groupDigits === 0 || (grouped ? groupDigits !== 3 : groupDigits > 3)) return null;
      grouped = true;
      groupDigits = 0;
    } else {
      break;
    }
    if (raw !== code) wide = true;
  }
  if (grouped && groupDigits !== 3) return null;
  if (i < end && asciiOf(text.charCodeAt(i)) === DOT) {
    if (text.charCodeAt(i) !== DOT) wide = true;
    for (i++; i < end; i++) {
      const raw = text.charCodeAt(i);
      const code = asciiOf(raw);
      if (code < ZERO || code > NINE) break;
      digits++;
      if (raw !== code) wide = true;
    }
  }
  if (digits === 0) return null;
  if (i < end) {
    const e = text.charCodeAt(i);
    const code = asciiOf(e);
    if ((code !== LOWER_E && code !== UPPER_E) || grouped) return null;
    if (e !== code) wide = true;
    i++;
    if (i < end) {
      const raw = text.charCodeAt(i);
      const sign = asciiOf(raw);
      if (sign === MINUS || sign === PLUS) {
        if (raw !== sign) wide = true;
        i++;
      }
    }
    let exponentDigits = 0;
    for (; i < end; i++) {
      const raw = text.charCodeAt(i);
      const digit = asciiOf(raw);
      if (digit < ZERO || digit > NINE) return null;
      if (raw !== digit) wide = true;
      exponentDigits++;
    }
    if (exponentDigits === 0) return null;
  }

  let body = wide ? asciiBody(text, bodyStart, end) : text.slice(bodyStart, end);
  if (grouped) body = body.replaceAll(",", "");
  let value = Number(body);
  if (percent) value /= 100;
  if (negative) value = -value;
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/** The body's characters mapped to ASCII ("１，２３４" → "1,234", "1e−3" → "1e-3"). */
function asciiBody(text: string, start: number, end: number): string {
  const codes: number[] = [];
  for (let i = start; i < end; i++) codes.push(asciiOf(text.charCodeAt(i)));
  return String.fromCharCode(...codes);
}
