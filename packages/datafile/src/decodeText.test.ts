import { describe, expect, it } from "vitest";
import { decodeText } from "./decodeText.js";

describe("decodeText", () => {
  it("reads UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("node,値\n"))).toEqual({
      text: "node,値\n",
      encoding: "utf-8",
    });
  });

  it("strips a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("period")]);
    expect(decodeText(bytes)).toEqual({ text: "period", encoding: "utf-8" });
  });

  it("reads bytes that are not UTF-8 as Shift_JIS", () => {
    // "Web広告,1,000円" as Japanese Excel saves it.
    const bytes = new Uint8Array([
      0x57, 0x65, 0x62, 0x8d, 0x4c, 0x8d, 0x90, 0x2c, 0x31, 0x2c, 0x30, 0x30, 0x30, 0x89, 0x7e,
    ]);
    expect(decodeText(bytes)).toEqual({ text: "Web広告,1,000円", encoding: "shift_jis" });
  });

  it("calls plain ASCII UTF-8", () => {
    expect(decodeText(new Uint8Array([0x61, 0x62])).encoding).toBe("utf-8");
  });
});
