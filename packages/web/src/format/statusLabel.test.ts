import { describe, expect, it } from "vitest";
import { pickLanguage } from "../i18n/pickLanguage";
import { statusLabel } from "./statusLabel";

describe("statusLabel", () => {
  it.each([
    ["on_track", "●", "順調", "On track", "good"],
    ["at_risk", "▲", "要注意", "At risk", "warn"],
    ["off_track", "✕", "未達見込み", "Off track", "bad"],
    ["achieved", "◎", "達成", "Achieved", "done"],
    ["no_target", "○", "目標なし", "No target", "none"],
    ["no_data", "·", "データなし", "No data", "none"],
  ])("%s → %s %s / %s", (status, icon, ja, en, tone) => {
    expect(statusLabel(status, "ja")).toEqual({ icon, text: ja, tone });
    expect(statusLabel(status, "en")).toEqual({ icon, text: en, tone });
  });

  it("shows a status it does not know as it came, never a colour alone", () => {
    expect(statusLabel("paused", "ja")).toEqual({ icon: "?", text: "paused", tone: "none" });
    expect(statusLabel("toString", "en").icon).toBe("?");
  });
});

describe("pickLanguage", () => {
  it.each([
    ["en", ["ja-JP"], "en"],
    ["ja", ["en-US"], "ja"],
    [null, ["ja-JP", "en-US"], "ja"],
    [null, ["fr-FR", "en-GB"], "en"],
    [null, ["fr-FR"], "en"],
    ["de", ["JA"], "ja"],
    [null, [], "en"],
  ] as const)("stored %s, browser %j → %s", (stored, browser, lang) => {
    expect(pickLanguage(stored, browser)).toBe(lang);
  });
});
