import { describe, expect, it } from "vitest";
import { type FirstRunInput, firstRunProblems, slugFromName } from "./firstRun.js";

describe("slugFromName", () => {
  it.each([
    ["Acme", "acme"],
    ["Acme Corp. (Tokyo)", "acme-corp-tokyo"],
    ["  --Shihyo--  ", "shihyo"],
    ["ＡＢＣ商事", "abc"],
    ["株式会社サンプル", "org"],
    ["", "org"],
    ["a".repeat(50), "a".repeat(40)],
    [`${"a".repeat(39)} b`, "a".repeat(39)],
  ])("%j → %j", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });
});

describe("firstRunProblems", () => {
  const good: FirstRunInput = {
    organization: { name: "Acme" },
    user: { email: "owner@example.com", name: "Owner", password: "12345678" },
  };
  const paths = (input: FirstRunInput) => firstRunProblems(input, "en").map((p) => p.path);

  it("accepts a complete request (8 characters of password are enough)", () => {
    expect(firstRunProblems(good, "ja")).toEqual([]);
    expect(paths({ ...good, organization: { name: "Acme", slug: "acme-1" } })).toEqual([]);
  });

  it.each<[string, FirstRunInput, string[]]>([
    [
      "blank names",
      { ...good, organization: { name: " " }, user: { ...good.user, name: "" } },
      ["body.organization.name", "body.user.name"],
    ],
    [
      "a 7-character password",
      { ...good, user: { ...good.user, password: "1234567" } },
      ["body.user.password"],
    ],
    [
      "an address without a domain",
      { ...good, user: { ...good.user, email: "owner@example" } },
      ["body.user.email"],
    ],
    [
      "a slug ending in a hyphen",
      { ...good, organization: { name: "Acme", slug: "acme-" } },
      ["body.organization.slug"],
    ],
    [
      "a name of 201 characters",
      { ...good, organization: { name: "x".repeat(201) } },
      ["body.organization.name"],
    ],
  ])("refuses %s", (_what, input, expected) => {
    expect(paths(input)).toEqual(expected);
  });

  it("speaks the caller's language", () => {
    const input = { ...good, user: { ...good.user, email: "" } };
    expect(firstRunProblems(input, "ja")[0]?.message).toBe("メールアドレスを入力してください。");
    expect(firstRunProblems(input, "en")[0]?.message).toBe("Enter an e-mail address.");
  });
});
