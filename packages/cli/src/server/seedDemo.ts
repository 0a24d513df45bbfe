import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { type Day, generateDemoData, parseKpiFile } from "@shihyo/engine";
import type { Store } from "@shihyo/store";

export const DEMO_EMAIL = "admin@demo.shihyo.dev";

/**
 * Seeds an empty database with a demo organisation: the saas template, a year of generated
 * actuals up to today, and an owner whose password is made up now and returned once.
 * Does nothing (answers null) when the database already has an organisation.
 */
export async function seedDemo(
  store: Store,
  options: { today: Day; hashPassword: (password: string) => Promise<string> },
): Promise<{ email: string; password: string; planId: string } | null> {
  if ((await store.countOrganizations()) > 0) return null;
  const text = await readFile(new URL("../../templates/saas.yaml", import.meta.url), "utf8");
  const parsed = parseKpiFile(text, { fileName: "saas.yaml" });
  if (!parsed.ok) throw new Error("the bundled saas template does not parse");
  const password = randomBytes(12).toString("base64url");
  const passwordHash = await options.hashPassword(password);
  return store.transaction(async (tx) => {
    const org = await tx.createOrganization({ slug: "demo", name: "Shihyo Demo" });
    const user = await tx.createUser({ email: DEMO_EMAIL, name: "Demo Admin", passwordHash, locale: null });
    await tx.addMembership(null, { orgId: org.id, userId: user.id, role: "owner" });
    const actor = { orgId: org.id, userId: user.id, tokenId: null, role: "owner" as const };
    const plan = await tx.createPlan(actor, parsed.plan);
    const rows = generateDemoData(parsed.prepared, {
      from: options.today - 365,
      to: options.today,
      seed: 2026,
    });
    for (let i = 0; i < rows.length; i += 50_000) {
      await tx.ingestMeasurements(actor, {
        planId: plan.id,
        rows: rows.slice(i, i + 50_000),
        source: "demo",
      });
    }
    return { email: DEMO_EMAIL, password, planId: plan.id };
  });
}
