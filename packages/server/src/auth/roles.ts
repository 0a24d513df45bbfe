import type { Role } from "@shihyo/store";

const RANK: Readonly<Record<Role, number>> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** Whether `role` may do what `minimum` may: owner ⊃ admin ⊃ editor ⊃ viewer. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}
