import { describe, expect, it } from "vitest";
import {
  accountChanges,
  emailFormProblems,
  invalidPasswordFields,
  passwordFormProblems,
} from "./accountForm";

const values = (currentPassword: string, newPassword: string, confirmation: string) => ({
  currentPassword,
  newPassword,
  confirmation,
});

describe("passwordFormProblems", () => {
  it.each([
    [values("old secret", "new secret", "new secret"), []],
    [values("", "new secret", "new secret"), ["missing"]],
    [values("old secret", "", ""), ["missing"]],
    [values("old secret", "1234567", "1234567"), ["shortPassword"]],
    [values("old secret", "12345678", "12345678"), []],
    [values("old secret", "new secret", "new secreT"), ["mismatch"]],
    [values("old secret", "short", "shorT"), ["shortPassword", "mismatch"]],
    // Spaces count: a password is taken exactly as typed.
    [values("old secret", "        ", "        "), []],
  ] as const)("%j → %j", (input, expected) => {
    expect(passwordFormProblems(input)).toEqual(expected);
  });
});

describe("invalidPasswordFields", () => {
  it.each([
    [["missing"], values("", "x", ""), ["currentPassword", "confirmation"]],
    [["shortPassword", "mismatch"], values("a", "short", "shorT"), ["newPassword", "confirmation"]],
    [[], values("a", "b", "b"), []],
  ] as const)("%j on %j → %j", (problems, input, expected) => {
    expect(invalidPasswordFields(problems, input)).toEqual(expected);
  });
});

describe("accountChanges", () => {
  const saved = { name: "山田 花子", locale: null } as const;
  it.each([
    [{ name: "山田 花子", locale: null }, null],
    [{ name: "  山田 花子  ", locale: null }, null],
    [{ name: "山田 花", locale: null }, { name: "山田 花" }],
    [{ name: "山田 花子", locale: "en" }, { locale: "en" }],
    [
      { name: " Hanako ", locale: "ja" },
      { name: "Hanako", locale: "ja" },
    ],
  ] as const)("%j → %j", (form, expected) => {
    expect(accountChanges(saved, form)).toEqual(expected);
  });
});

describe("emailFormProblems", () => {
  it.each([
    ["hanako@example.jp", "secret", null],
    ["  hanako@example.jp  ", "secret", null],
    ["", "secret", "missing"],
    ["   ", "secret", "missing"],
    ["hanako@example.jp", "", "missing"],
    ["hanako", "secret", "bad"],
    ["hanako@example", "secret", "bad"],
    ["hana ko@example.jp", "secret", "bad"],
    // The address in use, in any case: sign-in would not tell them apart.
    ["Owner@Example.com", "secret", "same"],
  ] as const)("%j with password %j → %s", (email, password, problem) => {
    expect(emailFormProblems({ email, password }, "owner@example.com")).toBe(problem);
  });
});
