import type { Organization, Store } from "@shihyo/store";
import { UsageError } from "../main.js";
import type { CliMessages } from "../messages.js";

/**
 * The organisation a command works in: --org SLUG; else the only one there is; else, when
 * `createIfNone`, a new "default" one. Several and no --org is a usage error.
 */
export async function resolveOrganization(
  store: Store,
  slug: string | undefined,
  messages: CliMessages,
  createIfNone: boolean,
): Promise<Organization> {
  if (slug !== undefined) {
    const found = await store.getOrganizationBySlug(slug);
    if (found) return found;
    if (createIfNone) return store.createOrganization({ slug, name: slug });
    throw new UsageError(messages.unknownOrganization({ slug }));
  }
  const all = await store.listOrganizations();
  if (all.length === 1) return all[0]!;
  if (all.length === 0 && createIfNone) return store.createOrganization({ slug: "default", name: "Default" });
  if (all.length === 0) throw new UsageError(messages.noOrganization());
  throw new UsageError(messages.severalOrganizations({ slugs: all.map((o) => o.slug).join(", ") }));
}
