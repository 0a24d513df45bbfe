import { describe, expect, it } from "vitest";
import { accountProblems, newPasswordProblems } from "./account.js";

describe("accountProblems", () => {
  it.each([
    [{}, []],
    [{ locale: null }, []],
    [{ name: "山田 花子" }, []],
    [{ name: "x".repeat(200) }, []],
    [{ name: "" }, ["required"]],
    [{ name: " \t " }, ["required"]],
    [{ name: "x".repeat(201) }, ["too_long"]],
    // Spaces around the name are trimmed before it is counted.
    [{ name: ` ${"x".repeat(200)} ` }, []],
  ] as const)("%j → %j", (input, codes) => {
    expect(accountProblems(input, "en").map((p) => p.code)).toEqual(codes);
  });

  it("says it in Japanese and English", () => {
    expect(accountProblems({ name: "" }, "ja")[0]?.message).toBe("お名前を入力してください。");
    expect(accountProblems({ name: "" }, "en")[0]?.message).toBe("Enter your name.");
  });
});

describe("newPasswordProblems", () => {
  it.each([
    ["1234567", ["too_short"]],
    ["12345678", []],
    ["x".repeat(1024), []],
    ["x".repeat(1025), ["too_long"]],
  ] as const)("%s → %j", (password, codes) => {
    expect(newPasswordProblems(password, "en").map((p) => p.code)).toEqual(codes);
  });

  it("names the minimum, as the first run does", () => {
    expect(newPasswordProblems("short", "ja")[0]).toEqual({
      path: "body.newPassword",
      message: "新しいパスワードは 8 文字以上にしてください。",
      code: "too_short",
    });
  });
});
