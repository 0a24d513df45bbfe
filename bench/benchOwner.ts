import { hashPassword } from "@shihyo/server";
import type { Actor, Store } from "@shihyo/store";

/** The benches' organisation "bench" and its owner, who signs in with this e-mail and password. */
export const BENCH_OWNER = { email: "owner@bench.example", password: "bench password" } as const;

export async function createBenchOwner(store: Store): Promise<Actor> {
  const org = await store.createOrganization({ slug: "bench", name: "Bench" });
  const user = await store.createUser({
    email: BENCH_OWNER.email,
    name: "owner",
    passwordHash: await hashPassword(BENCH_OWNER.password),
  });
  await store.addMembership(null, { orgId: org.id, userId: user.id, role: "owner" });
  return { orgId: org.id, userId: user.id, tokenId: null, role: "owner" };
}
