import { isUtf8 } from "node:buffer";

export type TextEncodingName = "utf-8" | "shift_jis";

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** The bytes after a UTF-8 byte order mark, or the bytes themselves when there is none. */
export function stripBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]
    ? bytes.subarray(3)
    : bytes;
}

/**
 * The encoding of a text file as Japanese offices write them: UTF-8 when the bytes are valid
 * UTF-8 (pure ASCII included), otherwise Shift_JIS, which Japanese Excel still uses for "CSV".
 * Valid Shift_JIS text of any length is almost never valid UTF-8, so the order is safe.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return isUtf8(bytes) ? "utf-8" : "shift_jis";
}

/** Decodes a text file: strips a UTF-8 BOM, then reads UTF-8 or, failing that, Shift_JIS. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const body = stripBom(bytes);
  const encoding = detectEncoding(body);
  return { text: new TextDecoder(encoding).decode(body), encoding };
}
