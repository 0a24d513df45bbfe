import { describe, expect, it } from "vitest";
import { acceptedLanguage } from "./language.js";

describe("acceptedLanguage", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["fr-FR,fr;q=0.9", null],
    ["ja", "ja"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["en-US,en;q=0.9,ja;q=0.8", "en"],
    ["fr;q=1, en;q=0.2, ja;q=0.5", "ja"],
    ["*", null],
  ])("%j → %j", (header, lang) => {
    expect(acceptedLanguage(header)).toBe(lang);
  });
});
