import { describe, expect, it } from "vitest";
import type { Role } from "../../api/types";
import {
  firstRunFormProblems,
  grantableRoles,
  mayAdminister,
  mayRenameOrganization,
  memberLock,
  roleAtLeast,
} from "./permissions";

describe("what a role may do", () => {
  it.each<[Role, boolean, boolean, Role[]]>([
    ["owner", true, true, ["owner", "admin", "editor", "viewer"]],
    ["admin", false, true, ["admin", "editor", "viewer"]],
    ["editor", false, false, ["editor", "viewer"]],
    ["viewer", false, false, ["viewer"]],
  ])("%s: rename %s, administer %s, grant %j", (role, rename, administer, grantable) => {
    expect(mayRenameOrganization(role)).toBe(rename);
    expect(mayAdminister(role)).toBe(administer);
    expect(grantableRoles(role)).toEqual(grantable);
  });

  it("ranks roles", () => {
    expect(roleAtLeast("admin", "editor")).toBe(true);
    expect(roleAtLeast("editor", "admin")).toBe(false);
    expect(roleAtLeast("viewer", "viewer")).toBe(true);
  });
});

describe("memberLock", () => {
  const admin = { userId: "u-admin", role: "admin" as const };
  it.each<[string, { userId: string | null; role: Role }, { userId: string; role: Role }, string | null]>([
    ["an admin changes an editor", admin, { userId: "u2", role: "editor" }, null],
    ["an admin changes another admin", admin, { userId: "u2", role: "admin" }, null],
    ["an admin cannot touch an owner", admin, { userId: "u2", role: "owner" }, "above"],
    ["nobody changes themselves", admin, { userId: "u-admin", role: "admin" }, "yourself"],
    ["an editor changes nobody", { userId: "u3", role: "editor" }, { userId: "u2", role: "viewer" }, "role"],
    ["an owner changes an owner", { userId: "u1", role: "owner" }, { userId: "u2", role: "owner" }, null],
  ])("%s", (_what, me, member, lock) => {
    expect(memberLock(me, member)).toBe(lock);
  });
});

describe("firstRunFormProblems", () => {
  const filled = {
    organization: "Acme",
    name: "Hanako",
    email: "hanako@example.com",
    password: "12345678",
    confirmation: "12345678",
  };
  it.each([
    ["complete, 8 characters", filled, []],
    ["a blank name", { ...filled, name: "  " }, ["missing"]],
    ["7 characters", { ...filled, password: "1234567", confirmation: "1234567" }, ["shortPassword"]],
    ["a different confirmation", { ...filled, confirmation: "12345679" }, ["mismatch"]],
    ["short and different", { ...filled, password: "123", confirmation: "" }, ["shortPassword", "mismatch"]],
    [
      "nothing at all",
      { organization: "", name: "", email: "", password: "", confirmation: "" },
      ["missing"],
    ],
  ])("%s", (_what, values, problems) => {
    expect(firstRunFormProblems(values)).toEqual(problems);
  });
});
